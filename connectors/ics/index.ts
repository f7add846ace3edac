import { defineConnector, HttpUnavailableError, ignored, mediaTypeOf, RequestRejectedError, verifyBearerSecret } from '../../src/connector-sdk';
import { dueRechecks, IcsParseError, isRecheckBody, sessionOutcome } from '../../src/connector-sdk/calendar';
import { IcsConfig } from './config';
import { isOccurrenceBody, occurrenceEvents, PLATFORM, windowAround } from './ics.mapping';

/** Media types an iCalendar file arrives with (RFC 5545 §8.1; some tools send it as plain text or bytes). */
const ICS_TYPES = new Set(['text/calendar', 'application/ics', 'text/plain', 'application/octet-stream']);

/**
 * An ICS calendar: a feed URL polled on a schedule, or a file posted to the hook. Each
 * occurrence in the window is an event of its own; the mapping reports `attended` after it ends.
 */
export const connector = defineConnector<IcsConfig>({
  id: 'ics',
  name: 'ICS calendar feed',
  description: 'Coaching and mentoring sessions from an iCalendar feed or file: attended after each occurrence ends.',
  configSchema: IcsConfig,

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'this instance has no secret, so it takes no posted files (its feed is polled)' };
    return verifyBearerSecret(request, secrets);
  },

  split(request, { config, now }) {
    const type = mediaTypeOf(request);
    if (!ICS_TYPES.has(type)) throw new RequestRejectedError(415, `the body must be an iCalendar file (Content-Type: text/calendar), not ${type || 'none'}`);
    try {
      return occurrenceEvents(request.rawBody.toString('utf8'), windowAround(now, config), config);
    } catch (error) {
      if (error instanceof IcsParseError) throw new RequestRejectedError(400, error.message);
      throw error;
    }
  },

  async map(event, context) {
    if (isRecheckBody(event.body)) return sessionOutcome(event.body.recheck.occurrences, event.key, context, PLATFORM, event.body.recheck.of);
    if (!isOccurrenceBody(event.body)) return ignored('not an ICS occurrence');
    return sessionOutcome([event.body.occurrence], event.key, context, PLATFORM);
  },

  tasks: {
    /** Reads the feed: one event per occurrence in the window (an unchanged one is a duplicate key). */
    poll: {
      everyMs: (config) => (config.feedUrl ? config.pollMinutes * 60_000 : undefined),
      async run(context) {
        const url = context.config.feedUrl;
        if (!url) return [];
        const answer = await context.http.request<string>({ url, headers: { accept: 'text/calendar' } });
        if (answer.status !== 200) throw new HttpUnavailableError(`the ICS feed answered ${answer.status}`, url);
        if (typeof answer.data !== 'string') throw new IcsParseError('the ICS feed did not answer with an iCalendar file');
        return occurrenceEvents(answer.data, windowAround(context.now, context.config), context.config);
      },
    },
    /** Brings back occurrences that had not ended when their event was mapped with others. */
    rechecks: { everyMs: () => 60_000, run: dueRechecks },
  },
});
