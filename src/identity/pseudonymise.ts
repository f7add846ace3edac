import { createHmac } from 'node:crypto';
import type { PseudonymiseConfig, PseudonymMode } from '../config/hub-config.schema';
import type { Actor, Statement } from '../xapi/statement';
import { identityKey, identityOfActor } from './identity-key';
import { SOURCE_ACTOR_EXTENSION } from './resolve-statement';
import { mapStatementAgents } from './statement-agents';


export interface PseudonymiseOptions {
  /** The destination's secret: without it nobody can link a pseudonym back to a person. */
  key: string;
  /** The account homePage pseudonyms are written under (mode `account`). */
  homePage: string;
  mode: PseudonymMode;
}

/**
 * The statement as an external LRS may see it: every person (actor, Agent object, instructor,
 * team and its members, SubStatement parts; not the authority) replaced by a keyed hash of
 * their normalised identifier — HMAC-SHA256 with the destination's key, so it is stable for one
 * person across events and differs across people and destinations — and names dropped. The
 * source-actor extension, which holds the source's identifier, is removed. Pure: returns a copy.
 */
export function pseudonymise(input: Statement, options: PseudonymiseOptions): Statement {
  const replace = (actor: Actor): Actor => {
    const identity = identityOfActor(actor);
    const out: Actor = { objectType: actor.objectType ?? 'Agent' };
    if (identity) {
      const hash = createHmac('sha256', options.key).update(identityKey(identity), 'utf8').digest('hex');
      // mbox_sha1sum must be 40 hex digits (xAPI 1.0.3 §2.4.2.3): the first 160 bits of the HMAC.
      if (options.mode === 'mbox_sha1sum') out.mbox_sha1sum = hash.slice(0, 40);
      else out.account = { homePage: options.homePage, name: hash };
    }
    if (actor.member) out.member = actor.member.map(replace);
    return out;
  };
  const statement = mapStatementAgents(input, replace);
  const extensions = statement.context?.extensions;
  if (extensions && SOURCE_ACTOR_EXTENSION in extensions) {
    const { [SOURCE_ACTOR_EXTENSION]: _dropped, ...rest } = extensions;
    statement.context = { ...statement.context };
    if (Object.keys(rest).length > 0) statement.context.extensions = rest;
    else delete statement.context.extensions;
  }
  return statement;
}

/**
 * What delivery applies to a destination's statements: the destination's `pseudonymise`
 * settings bound (mode `account` by default), or undefined when it sees people as they are.
 */
export function pseudonymiserFor(config: PseudonymiseConfig | undefined): ((statement: Statement) => Statement) | undefined {
  if (!config) return undefined;
  const options: PseudonymiseOptions = { key: config.key, homePage: config.homePage, mode: config.mode ?? 'account' };
  return (statement) => pseudonymise(statement, options);
}
