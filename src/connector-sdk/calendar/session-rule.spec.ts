import { coachingOccurrence, sessionOptions } from './calendar.fixtures';
import { notASessionBecause } from './session-rule';

describe('session rule', () => {
  const rule = { sessionCalendars: [], sessionKeywords: [], sessionOrganizers: [], sessionCategories: [] };

  it('counts every event when no criterion is set, and narrows to the session calendars', () => {
    expect(notASessionBecause(coachingOccurrence({ title: 'Lunch' }), rule)).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence({ calendarId: 'Coaching' }), { ...rule, sessionCalendars: ['coaching'] })).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence({ calendarId: 'other' }), { ...rule, sessionCalendars: ['coaching'] })).toMatch(/not one of the session calendars/);
  });

  it('matches a keyword in the title, an organizer or a category, case-insensitively (any one is enough)', () => {
    expect(notASessionBecause(coachingOccurrence({ title: 'MENTORING with Ana' }), { ...rule, sessionKeywords: ['mentoring'] })).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence({ title: 'Lunch' }), { ...rule, sessionOrganizers: ['ZOE@acme.example'] })).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence({ title: 'Lunch', categories: ['Coaching'] }), { ...rule, sessionCategories: ['coaching'] })).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence({ title: 'Lunch' }), { ...rule, sessionKeywords: ['coaching'], sessionCategories: ['x'] })).toMatch(/match the session rule/);
  });

  it('folds unicode forms, so a keyword typed decomposed matches a composed title', () => {
    expect(notASessionBecause(coachingOccurrence({ title: 'Tutoría con Zoë' }), { ...rule, sessionKeywords: ['TUTORI\u0301A'] })).toBeUndefined();
    expect(notASessionBecause(coachingOccurrence(), sessionOptions)).toBeUndefined();
  });
});
