/** Verbs (xAPI 1.0.3 §2.4.3; IEEE 9274.1.1 §4.2.2.2). */
import { checkIri, checkLanguageMap, checkObject } from './common.rules';
import { checkProperties, child, requireProperty, shape, type RuleContext } from './issues';

/** The reserved voiding Verb (xAPI 1.0.3 §2.3.2). */
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const VERB = shape('a Verb', ['id', 'display']);

/** Returns the Verb's id when it is a valid IRI, for rules that depend on it (voiding). */
export function checkVerb(ctx: RuleContext, value: unknown, path: string): string | undefined {
  if (!checkObject(ctx, value, path, 'a Verb {"id": IRI, "display": language map}')) return undefined;
  checkProperties(ctx, value, path, VERB);
  if (value.display !== undefined) checkLanguageMap(ctx, value.display, child(path, 'display'));
  if (!requireProperty(ctx, value, 'id', path, 'a Verb')) return undefined;
  return checkIri(ctx, value.id, child(path, 'id')) ? value.id : undefined;
}
