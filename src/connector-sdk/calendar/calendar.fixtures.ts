import type { CalendarOccurrence } from './calendar-occurrence';
import type { SessionMappingOptions } from './session-outcome';

/** A coaching session as every calendar spec starts from: Zoë coaches Ana, a room is booked. */
export function coachingOccurrence(overrides: Partial<CalendarOccurrence> = {}): CalendarOccurrence {
  return {
    iCalUID: 'coaching-42@acme.example',
    originalStart: '2026-11-02T09:00:00Z',
    start: '2026-11-02T09:00:00.000Z',
    end: '2026-11-02T10:00:00.000Z',
    allDay: false,
    organizer: { email: 'zoe@acme.example', name: 'Zoë Ökter' },
    attendees: [
      { email: 'zoe@acme.example', name: 'Zoë Ökter', type: 'person', response: 'accepted' },
      { email: 'Ana@Acme.example', name: 'Ana Lima', type: 'person', response: 'accepted' },
      { email: 'room-4@acme.example', name: 'Room 4', type: 'room', response: 'accepted' },
    ],
    status: 'confirmed',
    sequence: 0,
    title: 'Coaching: Ana',
    categories: [],
    ...overrides,
  };
}

export const sessionOptions: SessionMappingOptions = {
  instanceId: 'calendar',
  activityBase: 'https://calendar.acme.example/sessions',
  countTentative: false,
  lookbackDays: 30,
  platform: 'Test calendar',
  sessionCalendars: [],
  sessionKeywords: ['coaching'],
  sessionOrganizers: [],
  sessionCategories: [],
};
