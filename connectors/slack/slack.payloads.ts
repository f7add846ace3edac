/**
 * The Slack payloads this connector takes, as the inbox stores them (the verification token
 * Slack still sends is dropped before storing: it is a credential).
 * Events API: https://api.slack.com/apis/events-api#callback-field
 */
export interface SlackEnvelope {
  type: 'event_callback';
  team_id?: string;
  event_id: string;
  event_time?: number;
  event: SlackEvent;
}

export interface SlackEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  channel?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  event_ts?: string;
  reaction?: string;
  item?: { type: string; channel?: string; ts?: string };
}

/** A slash command as stored: Slack's form fields, less `token` and `response_url`. */
export interface SlashCommandEvent {
  type: 'slash_command';
  command: string;
  text: string;
  team_id?: string;
  team_domain?: string;
  channel_id?: string;
  user_id: string;
  trigger_id: string;
}

export type SlackStored = SlackEnvelope | SlashCommandEvent;

/** Form fields of a slash command worth keeping (https://api.slack.com/interactivity/slash-commands). */
export const KEPT_COMMAND_FIELDS = ['command', 'text', 'team_id', 'team_domain', 'channel_id', 'user_id', 'trigger_id'] as const;
