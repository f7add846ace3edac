import type { Actor, JsonObject, Statement } from '../xapi/statement';
import { actorLookupKeys, identityKey, identityOfActor } from './identity-key';
import type { DirectoryPerson } from './identity.types';
import { mapStatementAgents } from './statement-agents';

/** Where a resolved statement keeps the identifier its source used (the actor's, without name). */
export const SOURCE_ACTOR_EXTENSION = 'https://xapi-hub.dev/extensions/source-actor';
/** A cohort attribute `team` of the learner goes to context extension `…/cohort/team`. */
export const COHORT_EXTENSION_PREFIX = 'https://xapi-hub.dev/extensions/cohort/';

/** The directory as resolution sees it: an identity key → its person (a Map's `get` will do). */
export type PersonLookup = (key: string) => DirectoryPerson | undefined;

export interface ResolveOptions {
  /** The connector instance that produced the statement: its accounts are also its user ids. */
  instanceId: string;
  /** Attributes of the learner copied into context extensions, e.g. ["team", "department"]. */
  cohortAttributes?: readonly string[];
}

export interface ResolvedStatement {
  statement: Statement;
  /**
   * The key of the learner the directory did not know — the actor, or for a Group actor its
   * first unknown member — or undefined when the learner was resolved. An instance whose
   * policy is `hold` holds the statement under this key.
   */
  unknownActorKey?: string;
}

/**
 * Rewrites every person in a statement (actor, Agent object, instructor, team, Group
 * members; not the authority) to their canonical actor, matching on identifiers only — never
 * on display names. A resolved actor's source identifier is kept in SOURCE_ACTOR_EXTENSION
 * and the learner's cohort attributes are added as context extensions. Pure: returns a copy.
 */
export function resolveStatement(input: Statement, lookup: PersonLookup, options: ResolveOptions): ResolvedStatement {
  const find = (actor: Actor): DirectoryPerson | undefined => {
    for (const key of actorLookupKeys(actor, options.instanceId)) {
      const person = lookup(key);
      if (person) return person;
    }
    return undefined;
  };
  const sourceActor = input.actor;
  // The learner is looked up once: resolving the actor and deciding whether it is known share it.
  const learner = sourceActor.objectType === 'Group' ? undefined : find(sourceActor);
  const resolveAgent = (actor: Actor): Actor => {
    if (actor.objectType === 'Group') {
      // A Group is not a person: its own identifier stays; its members are people.
      return actor.member ? { ...actor, member: actor.member.map(resolveAgent) } : actor;
    }
    const person = actor === sourceActor ? learner : find(actor);
    return person ? copyActor(person.actor) : actor;
  };
  const statement = mapStatementAgents(input, resolveAgent);

  if (learner) {
    const extensions: JsonObject = { ...statement.context?.extensions, [SOURCE_ACTOR_EXTENSION]: identifierOnly(sourceActor) };
    for (const attribute of options.cohortAttributes ?? []) {
      const value = learner.attributes[attribute];
      if (value !== undefined && value !== '') extensions[COHORT_EXTENSION_PREFIX + attribute] = value;
    }
    statement.context = { ...statement.context, extensions };
    return { statement };
  }
  return { statement, unknownActorKey: unknownLearnerKey(sourceActor, find) };
}

/** A person's canonical actor, copied so that no two statements share one object. */
function copyActor(actor: Actor): Actor {
  return actor.account ? { ...actor, account: { ...actor.account } } : { ...actor };
}

function unknownLearnerKey(actor: Actor, find: (actor: Actor) => DirectoryPerson | undefined): string | undefined {
  const candidates = actor.objectType === 'Group' ? (actor.member ?? []) : [actor];
  for (const candidate of candidates) {
    const identity = identityOfActor(candidate);
    if (identity && !find(candidate)) return identityKey(identity);
  }
  return undefined;
}

/** The actor's objectType and identifier, without its display name. */
function identifierOnly(actor: Actor): JsonObject {
  const identity = identityOfActor(actor) ?? {};
  return { objectType: actor.objectType ?? 'Agent', ...(identity as JsonObject) };
}
