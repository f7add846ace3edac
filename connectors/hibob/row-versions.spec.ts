import { decideRowVersion } from './row-versions';

describe('decideRowVersion', () => {
  const first = { subKey: 'completed', fingerprint: 'f1' };

  it('sends the first statement of a row', () => {
    expect(decideRowVersion(undefined, 'e1', first)).toEqual({ kind: 'send', next: { eventKey: 'e1', standing: { eventKey: 'e1', subKey: 'completed' }, fingerprint: 'f1' } });
  });

  it('sends nothing for an update that changes nothing recorded', () => {
    const stored = { eventKey: 'e1', standing: { eventKey: 'e1', subKey: 'completed' }, fingerprint: 'f1' };
    expect(decideRowVersion(stored, 'e2', first)).toEqual({ kind: 'unchanged' });
  });

  it('voids the standing statement when a correction changes it', () => {
    const stored = { eventKey: 'e1', standing: { eventKey: 'e1', subKey: 'completed' }, fingerprint: 'f1' };
    expect(decideRowVersion(stored, 'e2', { subKey: 'attended', fingerprint: 'f2' })).toEqual({
      kind: 'send',
      void: { eventKey: 'e1', subKey: 'completed' },
      next: { eventKey: 'e2', standing: { eventKey: 'e2', subKey: 'attended' }, fingerprint: 'f2', voided: { eventKey: 'e1', subKey: 'completed' } },
    });
  });

  it('withdraws the standing statement when the row no longer maps (status back to Enrolled)', () => {
    const stored = { eventKey: 'e1', standing: { eventKey: 'e1', subKey: 'completed' }, fingerprint: 'f1' };
    expect(decideRowVersion(stored, 'e2', undefined)).toEqual({ kind: 'withdraw', void: stored.standing, next: { eventKey: 'e2', fingerprint: 'none', voided: stored.standing } });
    expect(decideRowVersion(undefined, 'e2', undefined)).toEqual({ kind: 'nothing' });
  });

  it('repeats its first decision when the same event is mapped again', () => {
    const after = decideRowVersion({ eventKey: 'e1', standing: { eventKey: 'e1', subKey: 'completed' }, fingerprint: 'f1' }, 'e2', { subKey: 'completed', fingerprint: 'f2' });
    if (after.kind !== 'send') throw new Error('expected send');
    expect(decideRowVersion(after.next, 'e2', { subKey: 'completed', fingerprint: 'f2' })).toEqual(after);
    const withdrawn = decideRowVersion(after.next, 'e3', undefined);
    if (withdrawn.kind !== 'withdraw') throw new Error('expected withdraw');
    expect(decideRowVersion(withdrawn.next, 'e3', undefined)).toEqual(withdrawn);
  });
});
