/**
 * Bob sends `table.entry.updated` when a row changes; the statement sent for the row before
 * must then not stand beside the new one. The instance's state remembers, per row, which event
 * made the statement now standing (and the one it replaced), so a correction voids the old
 * statement, an update that changes nothing sends nothing, and a retried map run answers the
 * same as the first.
 */
export interface StatementRefKey {
  eventKey: string;
  subKey: string;
}

export interface RowVersion {
  /** The event whose outcome is the row's current one. */
  eventKey: string;
  /** The statement standing for the row; absent when the row maps to nothing now. */
  standing?: StatementRefKey;
  fingerprint: string;
  /** What this event voided, so a re-run voids it again (the same voiding statement id). */
  voided?: StatementRefKey;
}

export type RowDecision =
  | { kind: 'send'; void?: StatementRefKey; next: RowVersion }
  | { kind: 'unchanged' }
  | { kind: 'withdraw'; void: StatementRefKey; next: RowVersion }
  | { kind: 'nothing'; next?: RowVersion };

/**
 * What to do with a row's new mapping. `mapped` is the new statement's sub-key and fingerprint,
 * or undefined when the row now maps to nothing (status no longer a completion).
 */
export function decideRowVersion(stored: RowVersion | undefined, eventKey: string, mapped: { subKey: string; fingerprint: string } | undefined): RowDecision {
  if (stored?.eventKey === eventKey) {
    // The same event mapped again (a retry): repeat exactly what the first run decided.
    if (stored.standing) return { kind: 'send', ...(stored.voided ? { void: stored.voided } : {}), next: stored };
    return stored.voided ? { kind: 'withdraw', void: stored.voided, next: stored } : { kind: 'nothing' };
  }
  if (!mapped) {
    if (!stored?.standing) return { kind: 'nothing' };
    return { kind: 'withdraw', void: stored.standing, next: { eventKey, fingerprint: 'none', voided: stored.standing } };
  }
  if (stored?.standing && stored.fingerprint === mapped.fingerprint) return { kind: 'unchanged' };
  const standing = { eventKey, subKey: mapped.subKey };
  return stored?.standing
    ? { kind: 'send', void: stored.standing, next: { eventKey, standing, fingerprint: mapped.fingerprint, voided: stored.standing } }
    : { kind: 'send', next: { eventKey, standing, fingerprint: mapped.fingerprint } };
}
