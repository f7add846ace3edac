import { type FakeApi, startFake } from './fake-api';

export interface FakeIcsFeed extends FakeApi {
  /** The feed's address (`url` + the path). */
  feedUrl: string;
  /** What the feed serves from now on. */
  serve(ics: string): void;
}

/** A published calendar (an Outlook "publish calendar" or Google "secret address" link): `GET /calendar.ics` answers the file as text/calendar. */
export async function startFakeIcsFeed(initial: string): Promise<FakeIcsFeed> {
  let ics = initial;
  const api = await startFake(({ method, path }) =>
    method === 'GET' && path === '/calendar.ics' ? { status: 200, body: ics, contentType: 'text/calendar; charset=utf-8' } : { status: 404, body: 'not found', contentType: 'text/plain' },
  );
  return { ...api, feedUrl: `${api.url}/calendar.ics`, serve: (text) => void (ics = text) };
}
