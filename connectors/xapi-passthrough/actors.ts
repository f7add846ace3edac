import type { ValidationIssue } from '../../src/xapi/validation/issues';

type Json = Record<string, unknown>;

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

/**
 * Every Agent and Group of a statement made comparable and identified: `mbox` lower-cased (the
 * same learner from two sources is one actor in reports), and an Agent with only a `name`
 * refused — a display name does not say who the learner is (issue #8, mapping rules).
 * Returns a copy; the problems found are pushed to `issues` with their paths.
 */
export function normaliseActors(statement: Json, issues: ValidationIssue[]): Json {
  const out: Json = { ...statement };
  if (isObject(out.actor)) out.actor = agent(out.actor, 'actor', issues);
  if (isObject(out.object)) out.object = statementObject(out.object, 'object', issues);
  if (isObject(out.context)) out.context = context(out.context, 'context', issues);
  return out;
}

function statementObject(object: Json, path: string, issues: ValidationIssue[]): Json {
  if (object.objectType === 'Agent' || object.objectType === 'Group') return agent(object, path, issues);
  if (object.objectType !== 'SubStatement') return object;
  const sub: Json = { ...object };
  if (isObject(sub.actor)) sub.actor = agent(sub.actor, `${path}.actor`, issues);
  if (isObject(sub.object) && (sub.object.objectType === 'Agent' || sub.object.objectType === 'Group')) sub.object = agent(sub.object, `${path}.object`, issues);
  if (isObject(sub.context)) sub.context = context(sub.context, `${path}.context`, issues);
  return sub;
}

function context(ctx: Json, path: string, issues: ValidationIssue[]): Json {
  const out: Json = { ...ctx };
  if (isObject(out.instructor)) out.instructor = agent(out.instructor, `${path}.instructor`, issues);
  if (isObject(out.team)) out.team = agent(out.team, `${path}.team`, issues);
  return out;
}

function agent(value: Json, path: string, issues: ValidationIssue[]): Json {
  const out: Json = { ...value };
  if (typeof out.mbox === 'string') out.mbox = out.mbox.trim().toLowerCase();
  const identified = IFIS.some((ifi) => out[ifi] !== undefined);
  if (out.objectType === 'Group') {
    if (Array.isArray(out.member)) out.member = out.member.map((m, i) => (isObject(m) ? agent(m, `${path}.member[${i}]`, issues) : m));
    return out;
  }
  if (!identified) {
    const named = typeof out.name === 'string' ? ` (only the name "${out.name}")` : '';
    issues.push({ path, reason: `the agent has no identifier${named}: send mbox, mbox_sha1sum, openid or account — a display name does not identify a learner` });
  }
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
