import {
  type AcceptedRequest,
  defineConnector,
  formBody,
  type InboundRequest,
  isRecord,
  jsonBody,
  mediaTypeOf,
  type ReplyShape,
  RequestRejectedError,
  type SplitResult,
} from '../../src/connector-sdk';
import { SlackConfig } from './config';
import { parseCommandText } from './parse-command';
import { mapSlackEvent, reactionKeyOf, slackUserOf } from './slack.mapping';
import { KEPT_COMMAND_FIELDS, type SlackStored, type SlashCommandEvent } from './slack.payloads';
import { verifySlackSignature } from './slack-signature';
import { lookUpSlackUser } from './slack-user.lookup';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Slack: the Events API (messages in learning channels → shared, reactions on them → liked)
 * and a slash command (`/learned 30m Read the incident review` → experienced, with a reply).
 * Slack wants an answer within 3 s, so nothing here calls Slack before the answer: users.info
 * runs in map, in the worker.
 */
export const connector = defineConnector<SlackConfig>({
  id: 'slack',
  name: 'Slack',
  description: 'Learning shared in Slack channels, reactions to it, and a /learned slash command.',
  configSchema: SlackConfig,

  // Slack signs the url_verification request too: answer the challenge only when it verifies,
  // otherwise fall through to verify, which refuses it with the reason.
  handshake(request, { now, secrets }) {
    if (mediaTypeOf(request) !== 'application/json') return undefined;
    const body = parseJsonQuietly(request.rawBody);
    if (!isRecord(body) || body.type !== 'url_verification' || typeof body.challenge !== 'string') return undefined;
    if (!verifySlackSignature(request, now, secrets).ok) return undefined;
    return { status: 200, body: body.challenge, contentType: 'text/plain' };
  },

  verify(request, { now, secrets }) {
    return verifySlackSignature(request, now, secrets);
  },

  split(request, context) {
    return mediaTypeOf(request) === FORM ? splitCommand(request, context.config) : splitEvent(request, context.log);
  },

  async map(event, context) {
    const body = event.body as SlackStored;
    const userId = slackUserOf(body);
    const user = userId ? await lookUpSlackUser(userId, context) : undefined;
    const reactionKey = reactionKeyOf(body);
    const liked = reactionKey ? await context.state.get<{ eventKey: string }>(reactionKey) : undefined;
    const outcome = mapSlackEvent(body, { config: context.config, instanceId: context.instanceId, user, receivedAt: event.receivedAt, likedEventKey: liked?.eventKey });
    // Remember which event recorded the like, so removing the reaction can void exactly that statement.
    if (reactionKey && body.type === 'event_callback' && body.event.type === 'reaction_added' && outcome.kind === 'statements') {
      await context.state.set(reactionKey, { eventKey: event.key });
    }
    return outcome;
  },

  reply(accepted, request) {
    return mediaTypeOf(request) === FORM ? commandReply(accepted, request) : { status: 200, body: '', contentType: 'text/plain' };
  },
});

function splitEvent(request: InboundRequest, log: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void): SplitResult {
  const body = jsonBody(request);
  if (!isRecord(body)) throw new RequestRejectedError(400, 'the body must be a Slack Events API object');
  if (body.type === 'url_verification') return { events: [] };
  if (body.type === 'app_rate_limited') {
    // Slack tells us it dropped events for an hour; nothing to store, but an admin should know.
    log('warn', 'Slack reports that it is rate limiting events to this app', { minute: body.minute_rate_limited });
    return { events: [] };
  }
  if (body.type !== 'event_callback') throw new RequestRejectedError(422, `Slack payload type "${String(body.type)}" is not taken here`);
  if (typeof body.event_id !== 'string' || body.event_id === '') throw new RequestRejectedError(400, 'the Slack event has no event_id');
  if (!isRecord(body.event) || typeof body.event.type !== 'string') throw new RequestRejectedError(400, 'the Slack event_callback has no event object');
  // The verification token is a (legacy) credential: it never reaches the inbox.
  const { token: _token, authorizations: _authorizations, ...kept } = body;
  // Retries (X-Slack-Retry-Num) repeat the event_id, so the inbox takes each event once.
  return { events: [{ key: body.event_id, body: kept }] };
}

function splitCommand(request: InboundRequest, config: SlackConfig): SplitResult {
  const form = formBody(request);
  if (!form.command || !form.user_id || !form.trigger_id) {
    throw new RequestRejectedError(422, 'a Slack slash command needs command, user_id and trigger_id form fields');
  }
  const problem = commandProblem(form, config);
  if (problem) return { events: [], rejected: [{ at: 'text', reason: problem }] };
  const stored = Object.fromEntries(KEPT_COMMAND_FIELDS.filter((name) => form[name] !== undefined).map((name) => [name, form[name]]));
  const body: SlashCommandEvent = { ...(stored as Omit<SlashCommandEvent, 'type'>), text: form.text ?? '', type: 'slash_command' };
  // trigger_id is unique per invocation: a resent form is the same entry, a second /learned a new one.
  return { events: [{ key: `command:${form.trigger_id}`, body }] };
}

function commandProblem(form: Record<string, string>, config: SlackConfig): string | undefined {
  if (form.command !== config.command) return `the command ${form.command} is not set up on this hub (it takes ${config.command})`;
  if (config.teamId && form.team_id !== config.teamId) return `this hub does not take commands from workspace ${form.team_id ?? '(none)'}`;
  const parsed = parseCommandText(form.text ?? '');
  return parsed.ok ? undefined : parsed.problem;
}

/** The ephemeral answer the person sees in Slack (only they see it). */
function commandReply(accepted: AcceptedRequest, request: InboundRequest): ReplyShape {
  const form = Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')));
  const command = form.command ?? '/learned';
  const parsed = parseCommandText(form.text ?? '');
  let text: string;
  if (accepted.events.length > 0 && parsed.ok) {
    text = `Logged “${parsed.what}”${parsed.duration ? ` (${spokenDuration(parsed.duration)})` : ''}. It goes to your learning record.`;
  } else {
    const reason = accepted.rejected[0]?.reason ?? (parsed.ok ? 'it could not be logged' : parsed.problem);
    text = `I could not log that: ${reason}. Type \`${command} 30m Read the incident review\`: how long (optional, e.g. 30m, 1h, 1h30m), then what you learned.`;
  }
  return { status: 200, body: { response_type: 'ephemeral', text }, contentType: 'application/json' };
}

function spokenDuration(iso: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!match) return iso;
  return [match[1] ? `${match[1]} h` : '', match[2] ? `${match[2]} min` : ''].filter(Boolean).join(' ');
}

function parseJsonQuietly(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
