import { testContext } from '../testing/sample-runner';
import { coachingOccurrence, sessionOptions } from './calendar.fixtures';
import { CalendarSessionConfig } from './calendar-config';
import { dueRechecks, isRecheckBody, sessionOutcome } from './session-tracker';

function context(now: string, state: Record<string, unknown> = {}) {
  const config = Object.assign(new CalendarSessionConfig(), { activityBase: sessionOptions.activityBase, sessionKeywords: ['coaching'] });
  return testContext({ instanceId: 'calendar', config, now: new Date(now), state });
}

const nextWeek = coachingOccurrence({ originalStart: '2026-11-09T09:00:00Z', start: '2026-11-09T09:00:00.000Z', end: '2026-11-09T10:00:00.000Z' });

describe('sessionOutcome', () => {
  it('says later at the end of the first pending occurrence, then attended', async () => {
    const ctx = context('2026-11-02T08:00:00Z');
    expect(await sessionOutcome([coachingOccurrence(), nextWeek], 'e1', ctx, 'Test')).toEqual({
      kind: 'later',
      at: '2026-11-02T10:00:00.000Z',
      reason: 'the session ends at 2026-11-02T10:00:00.000Z; attendance is reported then',
    });
  });

  it('sends what has ended and hands the rest to the rechecks task, which brings them back when they end', async () => {
    const ctx = context('2026-11-02T10:05:00Z');
    const outcome = await sessionOutcome([coachingOccurrence(), nextWeek], 'e1', ctx, 'Test');
    expect(outcome).toMatchObject({ kind: 'statements', statements: [{ subKey: expect.stringContaining('/20261102T090000Z:') }] });
    expect(await dueRechecks(ctx)).toEqual([]);
    ctx.now = new Date('2026-11-09T10:01:00Z');
    const [recheck] = await dueRechecks(ctx);
    expect(recheck.key).toBe('recheck:e1:2026-11-09T10:00:00.000Z');
    expect(isRecheckBody(recheck.body)).toBe(true);
    if (!isRecheckBody(recheck.body)) return;
    const again = await sessionOutcome(recheck.body.recheck.occurrences, recheck.key, ctx, 'Test', recheck.body.recheck.of);
    expect(again).toMatchObject({ kind: 'statements', statements: [{ subKey: expect.stringContaining('/20261109T090000Z:') }] });
    // An hour after it fell due, the recheck is forgotten.
    ctx.now = new Date('2026-11-09T11:01:00Z');
    expect(await dueRechecks(ctx)).toEqual([]);
  });

  it('skips a re-run of an event that a newer version of the occurrence has replaced', async () => {
    const ctx = context('2026-11-02T08:00:00Z');
    await sessionOutcome([coachingOccurrence()], 'e1', ctx, 'Test');
    const moved = coachingOccurrence({ start: '2026-11-02T11:00:00.000Z', end: '2026-11-02T12:00:00.000Z', sequence: 1 });
    expect(await sessionOutcome([moved], 'e2', ctx, 'Test')).toMatchObject({ kind: 'later', at: '2026-11-02T12:00:00.000Z' });
    ctx.now = new Date('2026-11-02T10:00:00Z');
    expect(await sessionOutcome([coachingOccurrence()], 'e1', ctx, 'Test')).toEqual({ kind: 'ignored', reason: 'a newer version of the occurrence came in another event' });
    // An older version arriving late is skipped too.
    expect(await sessionOutcome([coachingOccurrence({ sequence: 0 })], 'e0', ctx, 'Test')).toMatchObject({ kind: 'ignored' });
    ctx.now = new Date('2026-11-02T12:00:00Z');
    expect(await sessionOutcome([moved], 'e2', ctx, 'Test')).toMatchObject({ kind: 'statements', statements: [{ statement: { timestamp: '2026-11-02T11:00:00.000Z' } }] });
  });

  it('maps an occurrence listed twice in one event once', async () => {
    const ctx = context('2026-11-02T10:05:00Z');
    const outcome = await sessionOutcome([coachingOccurrence({ title: 'Coaching (old)' }), coachingOccurrence()], 'e1', ctx, 'Test');
    expect(outcome).toMatchObject({ kind: 'statements', statements: [{ statement: { object: { definition: { name: { und: 'Coaching: Ana' } } } } }] });
    expect(outcome.kind === 'statements' && outcome.statements).toHaveLength(1);
  });

  it('says why nothing came of an event with several occurrences', async () => {
    const ctx = context('2026-11-20T00:00:00Z');
    const outcome = await sessionOutcome([coachingOccurrence({ title: 'Lunch' }), coachingOccurrence({ originalStart: '2026-11-03T09:00:00Z', status: 'cancelled' })], 'e1', ctx, 'Test');
    expect(outcome).toEqual({ kind: 'ignored', reason: '1 × not a session: neither its title, organizer nor categories match the session rule; 1 × the occurrence was cancelled' });
    expect(await sessionOutcome([], 'e2', ctx, 'Test')).toEqual({ kind: 'ignored', reason: 'the event has no occurrences in the window' });
  });
});
