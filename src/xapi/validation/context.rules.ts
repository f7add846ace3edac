/**
 * Context (xAPI 1.0.3 §2.4.6; IEEE 9274.1.1 §4.2.2.5), including the 2.0 contextAgents and
 * contextGroups.
 */
import { checkActivity } from './activity.rules';
import { checkActor } from './agent.rules';
import {
  checkArray,
  checkExtensions,
  checkIriList,
  checkLanguageTag,
  checkObject,
  checkString,
  checkUuid,
} from './common.rules';
import { checkProperties, child, item, report, requireProperty, shape, type JsonRecord, type RuleContext } from './issues';
import { checkStatementRef } from './statement-ref.rules';

const CONTEXT_1_0_KEYS = [
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
];
const ONLY_IN_2_0 = 'is defined by xAPI 2.0 only; send the request with "X-Experience-API-Version: 2.0.0" or remove it';
const CONTEXT_1_0 = shape('a Context', CONTEXT_1_0_KEYS, { contextAgents: ONLY_IN_2_0, contextGroups: ONLY_IN_2_0 });
const CONTEXT_2_0 = shape('a Context', [...CONTEXT_1_0_KEYS, 'contextAgents', 'contextGroups']);

const CONTEXT_ACTIVITY_KEYS = ['parent', 'grouping', 'category', 'other'] as const;
const CONTEXT_ACTIVITIES = shape('contextActivities', [...CONTEXT_ACTIVITY_KEYS]);
const CONTEXT_AGENT = shape('a contextAgent', ['objectType', 'agent', 'relevantTypes']);
const CONTEXT_GROUP = shape('a contextGroup', ['objectType', 'group', 'relevantTypes']);

/**
 * @param objectType the Statement object's objectType once validated ("Activity" when it had
 *   none), or undefined when the object was invalid and the revision/platform rule cannot apply.
 */
export function checkContext(ctx: RuleContext, value: unknown, path: string, objectType: string | undefined): void {
  if (!checkObject(ctx, value, path, 'a Context')) return;
  checkProperties(ctx, value, path, ctx.version === '2.0.0' ? CONTEXT_2_0 : CONTEXT_1_0);

  if (value.registration !== undefined) checkUuid(ctx, value.registration, child(path, 'registration'));
  if (value.instructor !== undefined) {
    checkActor(ctx, value.instructor, child(path, 'instructor'), { accepts: 'Agent or Group', label: 'context.instructor' });
  }
  if (value.team !== undefined) {
    checkActor(ctx, value.team, child(path, 'team'), { accepts: 'Group', label: 'context.team' });
  }
  if (value.contextActivities !== undefined) {
    checkContextActivities(ctx, value.contextActivities, child(path, 'contextActivities'));
  }
  // §2.4.6.s4.b1-b2: revision and platform only describe an Activity object.
  for (const key of ['revision', 'platform'] as const) {
    if (value[key] === undefined) continue;
    checkString(ctx, value[key], child(path, key));
    if (objectType !== undefined && objectType !== 'Activity') {
      report(ctx, child(path, key), `is only allowed when the Statement's object is an Activity; here it is ${article(objectType)}`);
    }
  }
  if (value.language !== undefined) checkLanguageTag(ctx, value.language, child(path, 'language'));
  if (value.statement !== undefined) checkStatementRef(ctx, value.statement, child(path, 'statement'));
  if (value.extensions !== undefined) checkExtensions(ctx, value.extensions, child(path, 'extensions'));

  if (ctx.version === '2.0.0') {
    if (value.contextAgents !== undefined) checkContextAgents(ctx, value.contextAgents, child(path, 'contextAgents'));
    if (value.contextGroups !== undefined) checkContextGroups(ctx, value.contextGroups, child(path, 'contextGroups'));
  }
}

// §2.4.6.2.s4.b1-b2: keys parent/grouping/category/other; each value one Activity or an array of them
// (a single object is accepted on input for 0.95 compatibility and returned as an array).
function checkContextActivities(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'contextActivities {"parent"|"grouping"|"category"|"other": Activity or [Activity]}')) return;
  checkProperties(ctx, value, path, CONTEXT_ACTIVITIES);
  for (const key of CONTEXT_ACTIVITY_KEYS) {
    const activities = value[key];
    if (activities === undefined) continue;
    const where = child(path, key);
    if (Array.isArray(activities)) {
      activities.forEach((activity, i) => checkActivity(ctx, activity, item(where, i)));
    } else {
      checkActivity(ctx, activities, where);
    }
  }
}

// IEEE 9274.1.1 §4.2.2.5 "Context Agents Table".
function checkContextAgents(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkArray(ctx, value, path, 'an array of contextAgent objects')) return;
  value.forEach((entry, i) => {
    const where = item(path, i);
    if (!checkObject(ctx, entry, where, 'a contextAgent {"objectType": "contextAgent", "agent": Agent}')) return;
    checkProperties(ctx, entry, where, CONTEXT_AGENT);
    checkRelationObjectType(ctx, entry, where, 'contextAgent');
    if (requireProperty(ctx, entry, 'agent', where, 'a contextAgent')) {
      checkActor(ctx, entry.agent, child(where, 'agent'), { accepts: 'Agent', label: 'a contextAgent\'s "agent"' });
    }
    if (entry.relevantTypes !== undefined) checkIriList(ctx, entry.relevantTypes, child(where, 'relevantTypes'));
  });
}

// IEEE 9274.1.1 §4.2.2.5 "Context Group Table".
function checkContextGroups(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkArray(ctx, value, path, 'an array of contextGroup objects')) return;
  value.forEach((entry, i) => {
    const where = item(path, i);
    if (!checkObject(ctx, entry, where, 'a contextGroup {"objectType": "contextGroup", "group": Group}')) return;
    checkProperties(ctx, entry, where, CONTEXT_GROUP);
    checkRelationObjectType(ctx, entry, where, 'contextGroup');
    if (requireProperty(ctx, entry, 'group', where, 'a contextGroup')) {
      checkActor(ctx, entry.group, child(where, 'group'), { accepts: 'Group', label: 'a contextGroup\'s "group"' });
    }
    if (entry.relevantTypes !== undefined) checkIriList(ctx, entry.relevantTypes, child(where, 'relevantTypes'));
  });
}

function checkRelationObjectType(ctx: RuleContext, entry: JsonRecord, path: string, expected: string): void {
  if (!requireProperty(ctx, entry, 'objectType', path, `a ${expected}`)) return;
  if (entry.objectType !== expected) report(ctx, child(path, 'objectType'), `must be exactly "${expected}"`);
}

function article(objectType: string): string {
  return /^[AEIOU]/.test(objectType) ? `an ${objectType}` : `a ${objectType}`;
}
