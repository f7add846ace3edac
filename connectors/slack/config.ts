import { ArrayUnique, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsTextList } from '../../src/connector-sdk';

/**
 * A Slack instance's settings (the `config:` block in hub.yaml). The signing secret is not here:
 * it is the instance's `secrets:` list, so a rotation can keep the old and the new one active.
 */
export class SlackConfig {
  /**
   * The workspace's subdomain (`acme` for https://acme.slack.com). Slack's events carry only the
   * team id, so the actor's `account.homePage` and the message permalinks are built from this.
   */
  @Matches(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*$/, { message: 'must be the workspace subdomain, e.g. "acme" for https://acme.slack.com' })
  @IsString()
  teamDomain!: string;

  /** The workspace id (`T0123ABC`); when set, events and commands from any other workspace are refused. */
  @IsOptional()
  @Matches(/^[TE][A-Z0-9]+$/, { message: 'must be a Slack team id such as T0123ABCD' })
  @IsString()
  teamId?: string;

  /** Channel ids (`C0123ABC`, not names: names change) whose messages are learning shared with the team. */
  @ArrayUnique()
  @Matches(/^[CGD][A-Z0-9]+$/, { each: true, message: 'each entry must be a channel id such as C0123ABCD (channel details → bottom of the About tab)' })
  @IsTextList()
  learningChannels: string[] = [];

  /** The slash command that logs learning, as configured in the Slack app. */
  @Matches(/^\/[a-z0-9_-]+$/, { message: 'must be a slash command such as /learned' })
  @IsString()
  command = '/learned';

  /** Bot token (`xoxb-…`, from `${SLACK_BOT_TOKEN}`) for users.info; without it statements carry the Slack user id only. */
  @IsOptional()
  @MinLength(10)
  @IsString()
  botToken?: string;

  /** Slack Web API base URL (tests point it at recorded answers). */
  @IsHttpUrl()
  apiBaseUrl = 'https://slack.com/api';

  /** How long a users.info answer (e-mail, name) is kept before it is asked again. */
  @IsIntBetween(1, 24 * 30)
  userCacheHours = 24;
}
