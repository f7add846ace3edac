import { IsString } from 'class-validator';
import { IsHttpUrl } from '../../src/connector-sdk';

/**
 * A Thinkific instance's settings. The signing key (the site's API key, or the app's client
 * secret for an app's webhooks) is the instance's `secrets:` list, not config.
 */
export class ThinkificConfig {
  /** The school's site (`https://acme.thinkific.com` or its custom domain): actor homePage and activity ids. */
  @IsHttpUrl()
  @IsString()
  siteUrl!: string;
}
