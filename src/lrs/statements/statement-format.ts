import { pickLanguage } from './accept-language';

export const STATEMENT_FORMATS = ['exact', 'ids', 'canonical'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

type JsonRecord = Record<string, unknown>;

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const INTERACTION_COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/**
 * A stored statement in the `format` the reader asked for (xAPI 1.0.3 Communication §2.1.3):
 * - exact: as stored;
 * - ids: Agents and identified Groups reduced to their identifier, anonymous Groups to their
 *   members' identifiers, Activities and Verbs to their id;
 * - canonical: every language map of Activities and Verbs reduced to the one language that
 *   best fits `languages` (Accept-Language); Agents and Groups as in exact.
 */
export function formatStatement<T>(statement: T, format: StatementFormat, languages: readonly string[] = []): T {
  if (format === 'exact') return statement;
  const rules = format === 'ids' ? idsRules : canonicalRules(languages);
  return formatBody(statement as JsonRecord, rules) as T;
}

interface Rules {
  actor(actor: unknown): unknown;
  verb(verb: JsonRecord): JsonRecord;
  activity(activity: JsonRecord): JsonRecord;
}

const idsRules: Rules = {
  actor: idsActor,
  verb: (verb) => ({ id: verb.id }),
  activity: (activity) => ({ id: activity.id }),
};

function canonicalRules(languages: readonly string[]): Rules {
  const reduce = (map: unknown) => (isRecord(map) ? pickLanguage(map as Record<string, string>, languages) : map);
  return {
    actor: (actor) => actor,
    verb: (verb) => (verb.display === undefined ? verb : { ...verb, display: reduce(verb.display) }),
    activity: (activity) => {
      const definition = activity.definition;
      if (!isRecord(definition)) return activity;
      const out: JsonRecord = { ...definition };
      if (definition.name !== undefined) out.name = reduce(definition.name);
      if (definition.description !== undefined) out.description = reduce(definition.description);
      for (const list of INTERACTION_COMPONENTS) {
        const components = definition[list];
        if (Array.isArray(components)) {
          out[list] = components.map((c: unknown) => (isRecord(c) && c.description !== undefined ? { ...c, description: reduce(c.description) } : c));
        }
      }
      return { ...activity, definition: out };
    },
  };
}

function formatBody(statement: JsonRecord, rules: Rules): JsonRecord {
  const out: JsonRecord = { ...statement };
  if (statement.actor !== undefined) out.actor = rules.actor(statement.actor);
  if (isRecord(statement.verb)) out.verb = rules.verb(statement.verb);
  if (statement.object !== undefined) out.object = formatObject(statement.object, rules);
  if (isRecord(statement.context)) out.context = formatContext(statement.context, rules);
  if (statement.authority !== undefined) out.authority = rules.actor(statement.authority);
  return out;
}

function formatObject(object: unknown, rules: Rules): unknown {
  if (!isRecord(object)) return object;
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      return rules.activity(object);
    case 'Agent':
    case 'Group':
      return rules.actor(object);
    case 'SubStatement':
      return formatBody(object, rules);
    default:
      return object;
  }
}

function formatContext(context: JsonRecord, rules: Rules): JsonRecord {
  const out: JsonRecord = { ...context };
  if (context.instructor !== undefined) out.instructor = rules.actor(context.instructor);
  if (context.team !== undefined) out.team = rules.actor(context.team);
  if (isRecord(context.contextActivities)) {
    const groups: JsonRecord = {};
    for (const [key, value] of Object.entries(context.contextActivities)) {
      groups[key] = Array.isArray(value) ? value.map((a) => formatObject(a, rules)) : formatObject(value, rules);
    }
    out.contextActivities = groups;
  }
  if (Array.isArray(context.contextAgents)) {
    out.contextAgents = context.contextAgents.map((e) => (isRecord(e) ? { ...e, agent: rules.actor(e.agent) } : e));
  }
  if (Array.isArray(context.contextGroups)) {
    out.contextGroups = context.contextGroups.map((e) => (isRecord(e) ? { ...e, group: rules.actor(e.group) } : e));
  }
  return out;
}

function idsActor(actor: unknown): unknown {
  if (!isRecord(actor)) return actor;
  const ifi = IFIS.find((key) => actor[key] !== undefined);
  const out: JsonRecord = {};
  if (actor.objectType !== undefined) out.objectType = actor.objectType;
  if (ifi) out[ifi] = actor[ifi];
  else if (Array.isArray(actor.member)) out.member = actor.member.map(idsActor);
  return out;
}

function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
