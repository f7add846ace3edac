import type { Statement } from '../xapi/statement';

/**
 * A statement as a connector emits it. Its id is UUID v5 of instance + event key + `subKey`,
 * so the same fact mapped again (replay, re-delivery) gets the same id; a statement that
 * already has an `id` (xAPI pass-through) keeps it.
 */
export interface KeyedStatement {
  /** Stable within the event: `attended:ana@acme.example`, `completion`. */
  subKey: string;
  statement: Statement;
}

/** An identifier the hub can resolve to a learner (identity directory). */
export type Identity =
  | { mbox: string }
  | { mbox_sha1sum: string }
  | { openid: string }
  | { account: { homePage: string; name: string } }
  /** The source's own user id; `source` is the instance id. */
  | { source: string; id: string };

/** "These identifiers are one person": what a connector learned (an HR record, Slack users.info). */
export interface PersonHint {
  identities: Identity[];
  name?: string;
  /** Reporting attributes: team, department, location, role, manager. */
  attributes?: Record<string, string>;
}

export type MappingOutcome =
  | { kind: 'statements'; statements: KeyedStatement[]; people?: PersonHint[] }
  | { kind: 'ignored'; reason: string; people?: PersonHint[] }
  /** Not yet: the host runs `map` again at `at` (ISO 8601), e.g. `attended` after a session ends. */
  | { kind: 'later'; at: string; reason: string };

export function statements(list: KeyedStatement[], people?: PersonHint[]): MappingOutcome {
  return people ? { kind: 'statements', statements: list, people } : { kind: 'statements', statements: list };
}

/** Nothing to send, for a reason an admin can read ("bot message", "edit of an earlier message"). */
export function ignored(reason: string, people?: PersonHint[]): MappingOutcome {
  return people ? { kind: 'ignored', reason, people } : { kind: 'ignored', reason };
}

export function later(at: Date | string, reason: string): MappingOutcome {
  return { kind: 'later', at: typeof at === 'string' ? new Date(at).toISOString() : at.toISOString(), reason };
}
