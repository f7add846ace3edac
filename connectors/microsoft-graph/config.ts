import { ArrayNotEmpty, IsArray, IsString } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText } from '../../src/connector-sdk';
import { CalendarSessionConfig } from '../../src/connector-sdk/calendar';

/** A Microsoft 365 instance (hub.yaml `config:`); the `clientState` of its subscriptions is the instance's newest secret. */
export class MicrosoftGraphConfig extends CalendarSessionConfig {
  /** Directory (tenant) id or domain of the Entra ID app registration. */
  @IsNonEmptyText()
  tenantId!: string;

  /** Application (client) id of the app registration. */
  @IsNonEmptyText()
  clientId!: string;

  /** A client secret of the app registration (fill from `${ENV}`). */
  @IsNonEmptyText()
  clientSecret!: string;

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

  /** A subscription expiring within this many minutes is renewed. */
  @IsIntBetween(5, 10080)
  renewBeforeMinutes: number = 1440;

  /** How often the subscription task runs. */
  @IsIntBetween(1, 1440)
  renewCheckMinutes: number = 60;

  /** How far ahead the occurrences of a recurring series (and a resync) are read. */
  @IsIntBetween(0, 366)
  windowFutureDays: number = 14;
}
