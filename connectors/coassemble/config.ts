import { IsOptional, IsString } from 'class-validator';
import { IsHttpUrl, IsIntBetween } from '../../src/connector-sdk';

/** A Coassemble instance's settings; the endpoint's signing secret is the instance's `secrets:` list. */
export class CoassembleConfig {
  /** Coassemble's site, the root of course activity ids. */
  @IsHttpUrl()
  @IsString()
  baseUrl: string = 'https://app.coassemble.com';

  /**
   * Whose ids `tracking.identifier` holds: with Coassemble embedded in your product it is your
   * product's user id, so this is your product's URL. Defaults to `baseUrl`.
   */
  @IsOptional()
  @IsHttpUrl()
  @IsString()
  learnerHomePage?: string;

  /** How far `X-Coassemble-Timestamp` may be from the hub's clock before a request counts as replayed. */
  @IsIntBetween(30, 3600)
  toleranceSeconds: number = 300;
}
