import {
  activityIdFrom,
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  ignored,
  type MappingOutcome,
  type PersonHint,
  personHint,
  statements,
  voidingStatement,
} from '../../src/connector-sdk';
import type { Activity, Actor, Context, Statement } from '../../src/xapi/statement';
import type { SlackConfig } from './config';
import { parseCommandText } from './parse-command';
import type { SlackEvent, SlackStored, SlashCommandEvent } from './slack.payloads';
import type { SlackUserFacts } from './slack-user.lookup';

/** Message subtypes that are still a person posting in the channel; every other subtype is housekeeping. */
const POSTED_SUBTYPES = new Set(['file_share', 'thread_broadcast']);
/** A free-text entry of what someone learned: a resource, in the xAPI registry's vocabulary. */
const RESOURCE_TYPE = 'http://id.tincanapi.com/activitytype/resource';
/** Slack text has no language tag: "undetermined" (BCP 47) is the honest one. */
const TEXT_LANGUAGE = 'und';
const NAME_LENGTH = 120;

/** The Slack user the statement is about (and whose e-mail to look up), if the event names one. */
export function slackUserOf(body: SlackStored): string | undefined {
  if (body.type === 'slash_command') return body.user_id;
  return body.event.user;
}

/** What the mapping needs beside the event: looked up before, so the mapping stays pure. */
export interface SlackFacts {
  config: SlackConfig;
  instanceId: string;
  /** From users.info, when a bot token is configured. */
  user?: SlackUserFacts;
  /** When the hub received the event: a slash command's time (Slack sends none). */
  receivedAt: string;
  /** For reaction_removed: the event key of the reaction_added it undoes, if that was recorded. */
  likedEventKey?: string;
}

/** One stored Slack event → statements or a reason it is ignored. */
export function mapSlackEvent(body: SlackStored, facts: SlackFacts): MappingOutcome {
  const foreign = foreignTeam(body.team_id, facts.config);
  if (foreign) return ignored(foreign);
  if (body.type === 'slash_command') return mapCommand(body, facts.config, facts.user, facts.receivedAt);
  const event = body.event;
  if (event.type === 'message') return mapMessage(event, facts.config, facts.user);
  if (event.type === 'reaction_added') return mapReaction(event, facts.config, facts.user);
  if (event.type === 'reaction_removed') return mapUnlike(event, facts);
  return ignored(`Slack event type "${event.type}" is not mapped (this connector maps messages, reaction_added and reaction_removed)`);
}

/**
 * The reaction a reaction_added / reaction_removed pair is about, for remembering which event
 * recorded the `liked` (one person, one emoji, one message).
 */
export function reactionKeyOf(body: SlackStored): string | undefined {
  if (body.type !== 'event_callback') return undefined;
  const { type, user, reaction, item } = body.event;
  if ((type !== 'reaction_added' && type !== 'reaction_removed') || !user || !reaction || item?.type !== 'message' || !item.channel || !item.ts) return undefined;
  return `slack-reaction:${item.channel}:${item.ts}:${user}:${reaction}`;
}

/** A removed reaction takes back the `liked` it made: that statement is voided. */
function mapUnlike(event: SlackEvent, facts: SlackFacts): MappingOutcome {
  if (!facts.likedEventKey || !event.user) return ignored('reaction removed whose reaction_added was not recorded as liked');
  const voiding = voidingStatement(
    facts.instanceId,
    { eventKey: facts.likedEventKey, subKey: 'liked' },
    actorOf(event.user, facts.config, facts.user),
    timeOfTs(event.event_ts ?? event.item?.ts ?? '0'),
  );
  return statements([voiding], peopleOf(event.user, facts.config, facts.user));
}

function mapMessage(event: SlackEvent, config: SlackConfig, user: SlackUserFacts | undefined): MappingOutcome {
  if (event.subtype === 'bot_message' || event.bot_id) return ignored('bot message: only people sharing learning are recorded');
  if (event.subtype === 'message_changed') return ignored('edit of an earlier message: the original post was already recorded');
  if (event.subtype === 'message_deleted') return ignored('deletion of a message: not mapped');
  if (event.subtype && !POSTED_SUBTYPES.has(event.subtype)) return ignored(`message subtype "${event.subtype}" is channel housekeeping, not shared learning`);
  if (!event.channel || !config.learningChannels.includes(event.channel)) {
    return ignored(`message in channel ${event.channel ?? '(none)'}, which is not one of the learning channels`);
  }
  if (!event.user || !event.ts) return ignored('message without a user or a ts: nothing to attribute');
  const statement: Statement = {
    actor: actorOf(event.user, config, user),
    verb: ADL_VERBS.shared,
    object: messageActivity(config, event.channel, event.ts, event.text),
    context: slackContext(config, event.channel, event.thread_ts && event.thread_ts !== event.ts ? event.thread_ts : undefined),
    timestamp: timeOfTs(event.ts),
  };
  return statements([{ subKey: 'shared', statement }], peopleOf(event.user, config, user));
}

function mapReaction(event: SlackEvent, config: SlackConfig, user: SlackUserFacts | undefined): MappingOutcome {
  const item = event.item;
  if (!item || item.type !== 'message' || !item.channel || !item.ts) return ignored(`reaction on a ${item?.type ?? 'missing item'}, not on a message`);
  if (!config.learningChannels.includes(item.channel)) return ignored(`reaction in channel ${item.channel}, which is not one of the learning channels`);
  if (!event.user) return ignored('reaction without a user: nothing to attribute');
  const statement: Statement = {
    actor: actorOf(event.user, config, user),
    verb: ADL_VERBS.liked,
    object: messageActivity(config, item.channel, item.ts),
    context: slackContext(config, item.channel),
    timestamp: timeOfTs(event.event_ts ?? item.ts),
  };
  return statements([{ subKey: 'liked', statement }], peopleOf(event.user, config, user));
}

function mapCommand(body: SlashCommandEvent, config: SlackConfig, user: SlackUserFacts | undefined, receivedAt: string): MappingOutcome {
  const parsed = parseCommandText(body.text);
  // split only stores commands that parse; one that no longer does (config changed) says why.
  if (!parsed.ok) return ignored(`the command text cannot be read: ${parsed.problem}`);
  const statement: Statement = {
    actor: actorOf(body.user_id, config, user),
    verb: ADL_VERBS.experienced,
    object: {
      objectType: 'Activity',
      id: activityIdFrom(workspaceUrl(config), 'learned', body.trigger_id),
      definition: { type: RESOURCE_TYPE, name: { [TEXT_LANGUAGE]: excerpt(parsed.what) } },
    },
    ...(parsed.duration ? { result: { duration: parsed.duration } } : {}),
    context: body.channel_id ? slackContext(config, body.channel_id) : { platform: 'Slack' },
    timestamp: receivedAt,
  };
  return statements([{ subKey: 'learned', statement }], peopleOf(body.user_id, config, user));
}

function foreignTeam(teamId: string | undefined, config: SlackConfig): string | undefined {
  if (!config.teamId || teamId === undefined || teamId === config.teamId) return undefined;
  return `event from Slack workspace ${teamId}; this instance takes ${config.teamId} only`;
}

/** https://acme.slack.com — the account homePage and the root of every activity id. */
export function workspaceUrl(config: SlackConfig): string {
  return `https://${config.teamDomain}.slack.com`;
}

/** A message's permalink form, stable for its lifetime: /archives/<channel>/p<ts without the dot>. */
export function messageIri(config: SlackConfig, channel: string, ts: string): string {
  return `${activityIdFrom(workspaceUrl(config), 'archives', channel)}/p${ts.replace('.', '')}`;
}

function messageActivity(config: SlackConfig, channel: string, ts: string, text?: string): Activity {
  return {
    objectType: 'Activity',
    id: messageIri(config, channel, ts),
    definition: { type: ADL_ACTIVITY_TYPES.message, ...(text ? { name: { [TEXT_LANGUAGE]: excerpt(text) } } : {}) },
  };
}

function slackContext(config: SlackConfig, channel: string, threadTs?: string): Context {
  const channelActivity: Activity = { objectType: 'Activity', id: activityIdFrom(workspaceUrl(config), 'archives', channel) };
  const contextActivities = threadTs
    ? { parent: [{ objectType: 'Activity' as const, id: messageIri(config, channel, threadTs) }], grouping: [channelActivity] }
    : { parent: [channelActivity] };
  return { platform: 'Slack', contextActivities };
}

function actorOf(userId: string, config: SlackConfig, user: SlackUserFacts | undefined): Actor {
  return { objectType: 'Agent', ...(user?.name ? { name: user.name } : {}), account: { homePage: workspaceUrl(config), name: userId } };
}

/** Slack account ↔ e-mail, for the identity directory (which decides the statement's actor). */
function peopleOf(userId: string, config: SlackConfig, user: SlackUserFacts | undefined): PersonHint[] | undefined {
  if (!user?.email) return undefined;
  return [personHint({ homePage: workspaceUrl(config), id: userId, email: user.email, name: user.name })];
}

/** Slack's ts is seconds.microseconds since 1970, UTC. */
export function timeOfTs(ts: string): string {
  const [seconds, micros = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros.padEnd(6, '0').slice(0, 6)) / 1000)).toISOString();
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= NAME_LENGTH ? flat : `${chars.slice(0, NAME_LENGTH - 1).join('')}…`;
}
