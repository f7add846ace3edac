import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

/**
 * An instance's settings (the `config:` block in hub.yaml). Give HTTP Basic credentials
 * (`key` + `secret`), an OAuth2 client (`clientId` + `clientSecret`), or both — each from
 * `${ENV}`. The source is told these as "LRS key/secret" or "client id/secret".
 */
export class XapiPassthroughConfig {
  /** The LRS key (Basic user name) the source sends. */
  @IsOptional()
  @MinLength(1)
  @IsString()
  key?: string;

  /** The LRS secret (Basic password). */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters (a secret anyone can guess protects nothing)' })
  @IsString()
  secret?: string;

  /** OAuth2 client id for `POST /hooks/<instance>/oauth/token` (client credentials grant). */
  @IsOptional()
  @MinLength(1)
  @IsString()
  clientId?: string;

  /** OAuth2 client secret; it also signs the access tokens, so changing it ends every token given out. */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters (a secret anyone can guess protects nothing)' })
  @IsString()
  clientSecret?: string;

  /** How long an access token from the token endpoint lasts, in seconds. */
  @IsInt()
  @Min(60)
  @Max(86_400)
  tokenLifetimeSeconds = 3600;
}
