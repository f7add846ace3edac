import { v5 as uuidv5 } from 'uuid';
import type { Actor, Statement } from '../xapi/statement';
import { identityKey, identityOfActor } from './identity-key';
import { SOURCE_ACTOR_EXTENSION } from './resolve-statement';
import { mapStatementAgents } from './statement-agents';

/** Namespace of the ids re-issue mints (fixed: a second run must mint the same ids). */
const REISSUE_NAMESPACE = '5b0f3f1e-9d4c-4c1a-8f63-2b7d9e6a1c40';
const VOIDED_VERB = { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } };

/** Who voids: the directory itself, not a learner or a credential. */
export const REISSUE_ACTOR: Actor = {
  objectType: 'Agent',
  name: 'xapi-hub identity directory',
  account: { homePage: 'http://xapi-hub.local/identity', name: 'identity-directory' },
};

export interface ReissueRequest {
  /** The identifier the affected statements carry today (an identity key). */
  fromKey: string;
  /** The person's canonical actor they should carry. */
  to: Actor;
  /**
   * Only statements whose source-actor extension is this identity key: for a source identity
   * that was mapped to the wrong person, whose other statements are right.
   */
  sourceActorKey?: string;
}

export interface ReissuePlan {
  /** One voiding statement per affected statement (xAPI 1.0.3 §2.3.2). */
  voiding: Statement[];
  /** The corrected copies, each with a new id derived from the old one and the new person. */
  corrected: Statement[];
}

/**
 * Void + re-send for a corrected person, given the statements of the built-in LRS that carry
 * the old identifier. Every place the old identifier stands (actor, Agent object, instructor,
 * team, members) takes the canonical actor; the copy loses what the LRS assigns (stored,
 * authority, version) and gets a deterministic id, so running the same re-issue twice stores
 * nothing new. Voiding statements and statements that do not carry the identifier are skipped.
 */
export function planReissue(stored: readonly Statement[], request: ReissueRequest): ReissuePlan {
  const plan: ReissuePlan = { voiding: [], corrected: [] };
  const toKey = identityKey(identityOfActor(request.to)!);
  for (const original of stored) {
    if (!original.id || original.verb.id === VOIDED_VERB.id) continue;
    if (request.sourceActorKey && sourceActorKeyOf(original) !== request.sourceActorKey) continue;
    let touched = false;
    const copy = mapStatementAgents(original, function replace(actor: Actor): Actor {
      const identity = identityOfActor(actor);
      if (identity && identityKey(identity) === request.fromKey) {
        touched = true;
        return structuredClone(request.to);
      }
      return actor.member ? { ...actor, member: actor.member.map(replace) } : actor;
    });
    if (!touched) continue;
    delete copy.stored;
    delete copy.authority;
    delete copy.version;
    copy.id = uuidv5(`${original.id}\nreissue\n${toKey}`, REISSUE_NAMESPACE);
    plan.corrected.push(copy);
    plan.voiding.push({
      id: uuidv5(`${original.id}\nvoid`, REISSUE_NAMESPACE),
      actor: REISSUE_ACTOR,
      verb: VOIDED_VERB,
      object: { objectType: 'StatementRef', id: original.id },
    });
  }
  return plan;
}

function sourceActorKeyOf(statement: Statement): string | undefined {
  const source = statement.context?.extensions?.[SOURCE_ACTOR_EXTENSION];
  const identity = typeof source === 'object' && source !== null && !Array.isArray(source) ? identityOfActor(source as Actor) : undefined;
  return identity && identityKey(identity);
}
