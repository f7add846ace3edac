import { ArrayNotEmpty, IsArray, IsString } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText } from '../../src/connector-sdk';
import { CalendarPushConfig } from '../../src/connector-sdk/calendar';

/**
 * A Microsoft 365 instance (hub.yaml `config:`); the `clientState` of its subscriptions is the
 * instance's newest secret. clientId and clientSecret are the app registration's; subscriptions
 * are renewed `renewBeforeMinutes` before they expire (CalendarPushConfig).
 */
export class MicrosoftGraphConfig extends CalendarPushConfig {
  /** Directory (tenant) id or domain of the Entra ID app registration. */
  @IsNonEmptyText()
  tenantId!: string;

  /** Mailboxes whose calendars are watched (user id or UPN): one subscription each on `/users/<id>/events`. */
  @IsString({ each: true })
  @ArrayNotEmpty()
  @IsArray()
  userIds!: string[];

  /** This instance's hook as Graph must reach it: `https://<hub>/hooks/<instance id>` (also the lifecycle URL). */
  @IsHttpUrl()
  notificationUrl!: string;

  @IsHttpUrl()
  graphBaseUrl: string = 'https://graph.microsoft.com/v1.0';

  @IsHttpUrl()
  loginBaseUrl: string = 'https://login.microsoftonline.com';

  /** How long a subscription is asked for (Outlook events allow up to 10080 minutes). */
  @IsIntBetween(45, 10080)
  subscriptionMinutes: number = 4230;

  /** How far ahead the occurrences of a recurring series (and a resync) are read. */
  @IsIntBetween(0, 366)
  windowFutureDays: number = 14;
}
