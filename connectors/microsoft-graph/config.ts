import { ArrayNotEmpty, IsArray, IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { CalendarSessionConfig } from '../../src/connector-sdk/calendar';

const URL_OPTIONS = { require_tld: false, protocols: ['https', 'http'], require_protocol: true };

/** A Microsoft 365 instance (hub.yaml `config:`); the `clientState` of its subscriptions is the instance's newest secret. */
export class MicrosoftGraphConfig extends CalendarSessionConfig {
  /** Directory (tenant) id or domain of the Entra ID app registration. */
  @MinLength(1)
  @IsString()
  tenantId!: string;

  /** Application (client) id of the app registration. */
  @MinLength(1)
  @IsString()
  clientId!: string;

  /** A client secret of the app registration (fill from `${ENV}`). */
  @MinLength(1)
  @IsString()
  clientSecret!: string;

  /** Mailboxes whose calendars are watched (user id or UPN): one subscription each on `/users/<id>/events`. */
  @IsString({ each: true })
  @ArrayNotEmpty()
  @IsArray()
  userIds!: string[];

  /** This instance's hook as Graph must reach it: `https://<hub>/hooks/<instance id>` (also the lifecycle URL). */
  @IsUrl(URL_OPTIONS)
  notificationUrl!: string;

  @IsUrl(URL_OPTIONS)
  graphBaseUrl: string = 'https://graph.microsoft.com/v1.0';

  @IsUrl(URL_OPTIONS)
  loginBaseUrl: string = 'https://login.microsoftonline.com';

  /** How long a subscription is asked for (Outlook events allow up to 10080 minutes). */
  @Max(10080)
  @Min(45)
  @IsInt()
  subscriptionMinutes: number = 4230;

  /** A subscription expiring within this many minutes is renewed. */
  @Max(10080)
  @Min(5)
  @IsInt()
  renewBeforeMinutes: number = 1440;

  /** How often the subscription task runs. */
  @Max(1440)
  @Min(1)
  @IsInt()
  renewCheckMinutes: number = 60;

  /** How far ahead the occurrences of a recurring series (and a resync) are read. */
  @Max(366)
  @Min(0)
  @IsInt()
  windowFutureDays: number = 14;
}
