/**
 * Activities and their definitions, including interaction activities
 * (xAPI 1.0.3 §2.4.4.1; IEEE 9274.1.1 §4.2.2.3 "Object As Activity").
 */
import {
  checkArray,
  checkExtensions,
  checkIri,
  checkIrl,
  checkLanguageMap,
  checkObject,
  checkString,
} from './common.rules';
import {
  checkProperties,
  child,
  item,
  newContext,
  report,
  requireProperty,
  shape,
  type JsonRecord,
  type RuleContext,
  type ValidationIssue,
} from './issues';

const ACTIVITY = shape('an Activity', ['objectType', 'id', 'definition']);

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
type ComponentList = (typeof COMPONENT_LISTS)[number];

const DEFINITION = shape('an Activity definition', [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...COMPONENT_LISTS,
]);
const COMPONENT = shape('an interaction component', ['id', 'description']);

// §2.4.4.1.s8 interactionType vocabulary, and §2.4.4.1.s15 table 2: the lists each type supports.
const LISTS_BY_INTERACTION_TYPE: ReadonlyMap<string, readonly ComponentList[]> = new Map([
  ['true-false', []],
  ['choice', ['choices']],
  ['fill-in', []],
  ['long-fill-in', []],
  ['matching', ['source', 'target']],
  ['performance', ['steps']],
  ['sequencing', ['choices']],
  ['likert', ['scale']],
  ['numeric', []],
  ['other', []],
]);
const INTERACTION_TYPES = [...LISTS_BY_INTERACTION_TYPE.keys()].join(', ');

/** An Activity as a Statement object or a context activity; objectType, when present, was checked by the caller. */
export function checkActivity(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'an Activity {"id": IRI, ...}')) return;
  checkProperties(ctx, value, path, ACTIVITY);
  if (value.objectType !== undefined && value.objectType !== 'Activity') {
    report(ctx, child(path, 'objectType'), 'must be "Activity" when present on an Activity');
  }
  if (requireProperty(ctx, value, 'id', path, 'an Activity')) checkIri(ctx, value.id, child(path, 'id'));
  if (value.definition !== undefined) checkDefinition(ctx, value.definition, child(path, 'definition'));
}

// §2.4.4.1.s2: every property is optional; an empty definition is valid.
function checkDefinition(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'an Activity definition')) return;
  checkProperties(ctx, value, path, DEFINITION);
  if (value.name !== undefined) checkLanguageMap(ctx, value.name, child(path, 'name'));
  if (value.description !== undefined) checkLanguageMap(ctx, value.description, child(path, 'description'));
  if (value.type !== undefined) checkIri(ctx, value.type, child(path, 'type'));
  if (value.moreInfo !== undefined) checkIrl(ctx, value.moreInfo, child(path, 'moreInfo'));
  if (value.extensions !== undefined) checkExtensions(ctx, value.extensions, child(path, 'extensions'));
  checkInteraction(ctx, value, path);
}

// §2.4.4.1.s13.b1: interaction activities must have a valid interactionType; §2.4.4.1.s13.b3 lets
// the LRS reject component lists that do not belong to it.
function checkInteraction(ctx: RuleContext, definition: JsonRecord, path: string): void {
  const interactionType = checkInteractionType(ctx, definition.interactionType, child(path, 'interactionType'));
  const declared = definition.interactionType !== undefined;

  if (definition.correctResponsesPattern !== undefined) {
    const where = child(path, 'correctResponsesPattern');
    if (!declared) report(ctx, where, 'requires "interactionType" in the same definition');
    if (checkArray(ctx, definition.correctResponsesPattern, where, 'an array of strings')) {
      definition.correctResponsesPattern.forEach((pattern, i) => checkString(ctx, pattern, item(where, i)));
    }
  }

  for (const list of COMPONENT_LISTS) {
    if (definition[list] === undefined) continue;
    const where = child(path, list);
    if (!declared) {
      report(ctx, where, `requires "interactionType" in the same definition (${typesUsing(list)})`);
    } else if (interactionType !== undefined && !(LISTS_BY_INTERACTION_TYPE.get(interactionType) ?? []).includes(list)) {
      report(ctx, where, `is not used by interactionType "${interactionType}"; ${list} belongs to ${typesUsing(list)}`);
    }
    checkComponents(ctx, definition[list], where);
  }
}

function checkInteractionType(ctx: RuleContext, value: unknown, path: string): string | undefined {
  if (value === undefined || !checkString(ctx, value, path)) return undefined;
  if (LISTS_BY_INTERACTION_TYPE.has(value)) return value;
  const sameButCase = [...LISTS_BY_INTERACTION_TYPE.keys()].find((t) => t === value.toLowerCase());
  report(
    ctx,
    path,
    sameButCase !== undefined
      ? `must be exactly "${sameButCase}"; interactionType values are case-sensitive`
      : `must be one of ${INTERACTION_TYPES}`,
  );
  return undefined;
}

function typesUsing(list: ComponentList): string {
  const types = [...LISTS_BY_INTERACTION_TYPE].filter(([, lists]) => lists.includes(list)).map(([t]) => `"${t}"`);
  return `interactionType ${types.join(' or ')}`;
}

// §2.4.4.1.s15-s16: components are {id: string, description: language map}, ids distinct per list.
function checkComponents(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkArray(ctx, value, path, 'an array of interaction components {"id", "description"}')) return;
  const seen = new Set<string>();
  value.forEach((component, i) => {
    const where = item(path, i);
    if (!checkObject(ctx, component, where, 'an interaction component {"id": string, "description": language map}')) return;
    checkProperties(ctx, component, where, COMPONENT);
    if (component.description !== undefined) checkLanguageMap(ctx, component.description, child(where, 'description'));
    if (!requireProperty(ctx, component, 'id', where, 'an interaction component')) return;
    if (!checkString(ctx, component.id, child(where, 'id'))) return;
    if (seen.has(component.id)) {
      report(ctx, child(where, 'id'), `repeats an id already used in ${path}; ids must be distinct within a list`);
    }
    seen.add(component.id);
  });
}

/**
 * The `activityId` parameter of the Activities, State and Activity Profile resources
 * (xAPI 1.0.3 Communication §2.2.s4.b4: validated like an Activity id in a Statement).
 * IRI rules are the same in every version, hence no version parameter.
 */
export function validateActivityId(activityId: unknown, path = 'activityId'): ValidationIssue[] {
  const ctx = newContext('2.0.0');
  checkIri(ctx, activityId, path);
  return ctx.issues;
}
