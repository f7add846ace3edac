import { validateStatement } from '../../xapi/validation';
import { statementIdFor } from '../statement-id';
import { coachingOccurrence, sessionOptions } from './calendar.fixtures';
import { attendanceIdKey, planOccurrence } from './session-outcome';

const after = new Date('2026-11-02T10:05:00Z');
const before = new Date('2026-11-02T09:30:00Z');

describe('planOccurrence', () => {
  it('waits until the occurrence ends', () => {
    const plan = planOccurrence(coachingOccurrence(), 'e1', undefined, before, sessionOptions);
    expect(plan).toEqual({ statements: [], sent: { attended: [], voids: [] }, pendingUntil: '2026-11-02T10:00:00.000Z' });
  });

  it('sends attended per accepted person after the end: organizer as instructor, duration, never the room', () => {
    const plan = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    expect(plan.statements).toEqual([
      {
        subKey: 'attended:coaching-42@acme.example/20261102T090000Z:ana@acme.example',
        statement: {
          actor: { objectType: 'Agent', mbox: 'mailto:ana@acme.example', name: 'Ana Lima' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
          object: {
            objectType: 'Activity',
            id: 'https://calendar.acme.example/sessions/coaching-42%40acme.example/20261102T090000Z',
            definition: { type: 'http://adlnet.gov/expapi/activities/meeting', name: { und: 'Coaching: Ana' } },
          },
          result: { duration: 'PT1H' },
          context: { platform: 'Test calendar', instructor: { objectType: 'Agent', mbox: 'mailto:zoe@acme.example', name: 'Zoë Ökter' } },
          timestamp: '2026-11-02T09:00:00.000Z',
          id: statementIdFor('calendar', 'attendance:coaching-42@acme.example/20261102T090000Z@2026-11-02T09:00:00.000Z/2026-11-02T10:00:00.000Z', plan.statements[0].subKey),
        },
      },
    ]);
    expect(validateStatement(plan.statements[0].statement, '1.0.3')).toEqual([]);
    expect(plan.sent.attended).toEqual([
      {
        email: 'ana@acme.example',
        eventKey: 'e1',
        subKey: plan.statements[0].subKey,
        timing: '2026-11-02T09:00:00.000Z/2026-11-02T10:00:00.000Z',
        idKey: attendanceIdKey(coachingOccurrence()),
      },
    ]);
  });

  it('mints one statement id per occurrence, timing and person, whichever event reports it (two events mapped side by side send one statement)', () => {
    const [one] = planOccurrence(coachingOccurrence(), 'created', undefined, after, sessionOptions).statements;
    const [other] = planOccurrence(coachingOccurrence({ title: 'Coaching: Ana (agenda added)', sequence: 1 }), 'updated', undefined, after, sessionOptions).statements;
    expect(other.statement.id).toBe(one.statement.id);
    const [moved] = planOccurrence(coachingOccurrence({ start: '2026-11-02T13:00:00.000Z', end: '2026-11-02T14:00:00.000Z' }), 'updated', undefined, new Date('2026-11-02T15:00:00Z'), sessionOptions).statements;
    expect(moved.statement.id).not.toBe(one.statement.id);
  });

  it('re-sends a record written before ids were minted per occurrence under its old, per-event id, and voids that one', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    const { idKey: _idKey, ...older } = first.sent.attended[0];
    const previous = { attended: [older], voids: [] };
    expect(planOccurrence(coachingOccurrence(), 'e1', previous, after, sessionOptions).statements[0].statement.id).toBeUndefined(); // the host mints it from e1, as before
    const moved = planOccurrence(coachingOccurrence({ start: '2026-11-02T13:00:00.000Z', end: '2026-11-02T14:00:00.000Z', sequence: 1 }), 'e2', previous, new Date('2026-11-02T15:00:00Z'), sessionOptions);
    expect(moved.statements[0].statement.object).toEqual({ objectType: 'StatementRef', id: statementIdFor('calendar', 'e1', older.subKey) });
  });

  it('leaves out declined, unanswered and resource attendees; counts tentative only when configured', () => {
    const occurrence = coachingOccurrence({
      attendees: [
        { email: 'bo@acme.example', type: 'person', response: 'declined' },
        { email: 'cy@acme.example', type: 'person', response: 'none' },
        { email: 'projector@acme.example', type: 'resource', response: 'accepted' },
        { email: 'di@acme.example', type: 'person', response: 'tentative' },
      ],
    });
    expect(planOccurrence(occurrence, 'e1', undefined, after, sessionOptions)).toMatchObject({ statements: [], reason: expect.stringMatching(/no attendee accepted/) });
    const tentative = planOccurrence(occurrence, 'e1', undefined, after, { ...sessionOptions, countTentative: true });
    expect(tentative.statements.map((s) => s.statement.actor.mbox)).toEqual(['mailto:di@acme.example']);
  });

  it('re-sends the same statements when the same event runs again, and nothing when another event repeats the occurrence', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    expect(planOccurrence(coachingOccurrence(), 'e1', first.sent, after, sessionOptions).statements).toEqual(first.statements);
    expect(planOccurrence(coachingOccurrence(), 'e2', first.sent, after, sessionOptions)).toMatchObject({ statements: [], reason: 'already reported' });
  });

  it('voids the attended of a moved occurrence and re-sends it with the new timing, under the same activity', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    const moved = coachingOccurrence({ start: '2026-11-02T13:00:00.000Z', end: '2026-11-02T14:30:00.000Z', sequence: 1 });
    const later = new Date('2026-11-02T15:00:00Z');
    const plan = planOccurrence(moved, 'e2', first.sent, later, sessionOptions);
    const minted = attendanceIdKey(coachingOccurrence());
    expect(plan.statements.map((s) => s.subKey)).toEqual([`void:${minted}:${first.statements[0].subKey}`, first.statements[0].subKey]);
    expect(plan.statements[0].statement).toMatchObject({
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: first.statements[0].statement.id },
      timestamp: later.toISOString(),
    });
    expect(plan.statements[1].statement).toMatchObject({
      object: { id: 'https://calendar.acme.example/sessions/coaching-42%40acme.example/20261102T090000Z' },
      result: { duration: 'PT1H30M' },
      timestamp: '2026-11-02T13:00:00.000Z',
    });
  });

  it('voids at once when a reported occurrence moves into the future, and waits for its new end', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    const moved = coachingOccurrence({ start: '2026-11-09T09:00:00.000Z', end: '2026-11-09T10:00:00.000Z' });
    const plan = planOccurrence(moved, 'e2', first.sent, after, sessionOptions);
    expect(plan.statements.map((s) => s.statement.verb.id)).toEqual(['http://adlnet.gov/expapi/verbs/voided']);
    expect(plan.pendingUntil).toBe('2026-11-09T10:00:00.000Z');
  });

  it('voids what was reported for an occurrence cancelled afterwards, once; the void is stable on a re-run', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    const cancelled = coachingOccurrence({ status: 'cancelled' });
    const plan = planOccurrence(cancelled, 'e2', first.sent, after, sessionOptions);
    expect(plan.statements).toHaveLength(1);
    expect(plan.sent.attended).toEqual([]);
    const again = planOccurrence(cancelled, 'e2', plan.sent, new Date('2026-11-03T00:00:00Z'), sessionOptions);
    expect(again.statements).toEqual(plan.statements);
    expect(planOccurrence(cancelled, 'e3', plan.sent, after, sessionOptions)).toMatchObject({ statements: [], reason: 'the occurrence was cancelled' });
    expect(planOccurrence(cancelled, 'e1', undefined, after, sessionOptions)).toMatchObject({ statements: [], reason: 'the occurrence was cancelled' });
  });

  it('voids only the attendee who declined after the fact', () => {
    const first = planOccurrence(coachingOccurrence(), 'e1', undefined, after, sessionOptions);
    const declined = coachingOccurrence({ attendees: [{ email: 'ana@acme.example', type: 'person', response: 'declined' }] });
    const plan = planOccurrence(declined, 'e2', first.sent, after, sessionOptions);
    expect(plan.statements.map((s) => s.statement.actor.mbox)).toEqual(['mailto:ana@acme.example']);
    expect(plan.statements[0].statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/voided');
  });

  it('does not report an occurrence first seen long after it ended, nor one that is not a session', () => {
    expect(planOccurrence(coachingOccurrence(), 'e1', undefined, new Date('2027-01-01T00:00:00Z'), sessionOptions).reason).toMatch(/more than 30 days ago/);
    expect(planOccurrence(coachingOccurrence({ title: 'Lunch' }), 'e1', undefined, after, sessionOptions).reason).toMatch(/^not a session/);
  });

  it('gives an all-day occurrence a day as its duration and no name when the title is empty', () => {
    const allDay = coachingOccurrence({ allDay: true, originalStart: '2026-11-04', start: '2026-11-04T00:00:00.000Z', end: '2026-11-05T00:00:00.000Z', title: '' });
    const plan = planOccurrence(allDay, 'e1', undefined, new Date('2026-11-05T00:00:00Z'), { ...sessionOptions, sessionKeywords: [] });
    expect(plan.statements[0].statement).toMatchObject({ object: { id: expect.stringMatching(/\/20261104$/), definition: { type: expect.any(String) } }, result: { duration: 'PT24H' } });
    expect(plan.statements[0].statement.object).not.toHaveProperty('definition.name');
  });
});
