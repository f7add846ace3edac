import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

const URL_RULES = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** A Coassemble instance's settings; the endpoint's signing secret is the instance's `secrets:` list. */
export class CoassembleConfig {
  /** Coassemble's site, the root of course activity ids. */
  @IsUrl(URL_RULES)
  @IsString()
  baseUrl: string = 'https://app.coassemble.com';

  /**
   * Whose ids `tracking.identifier` holds: with Coassemble embedded in your product it is your
   * product's user id, so this is your product's URL. Defaults to `baseUrl`.
   */
  @IsOptional()
  @IsUrl(URL_RULES)
  @IsString()
  learnerHomePage?: string;

  /** How far `X-Coassemble-Timestamp` may be from the hub's clock before a request counts as replayed. */
  @Max(3600)
  @Min(30)
  @IsInt()
  toleranceSeconds: number = 300;
}
