import { hookAnswerBody } from './hook-answer';

const event = (n: number, duplicate = false) => ({ eventKey: `k${n}`, eventId: `id-${n}`, duplicate });

describe('hookAnswerBody', () => {
  it('keeps the documented eventId and duplicate for a request that made one event', () => {
    expect(hookAnswerBody([event(1, true)], [])).toEqual({ eventId: 'id-1', duplicate: true, events: [event(1, true)], rejected: [] });
  });

  it('lists the events and the rejected parts when there are none or several', () => {
    const rejected = [{ at: 'line 3', reason: 'no e-mail' }];
    expect(hookAnswerBody([], rejected)).toEqual({ events: [], rejected });
    expect(hookAnswerBody([event(1), event(2)], [])).toEqual({ events: [event(1), event(2)], rejected: [] });
  });
});
