import { IsOptional, IsString } from 'class-validator';
import { IsHttpUrl, IsIntBetween } from '../../src/connector-sdk';

/** A Canvas instance's settings (the `config:` block in hub.yaml). */
export class CanvasConfig {
  /** The Canvas site learners open (`https://acme.instructure.com`): actor homePage and activity ids. */
  @IsHttpUrl()
  @IsString()
  baseUrl!: string;

  /**
   * Where Canvas publishes the keys that sign Live Events (the data-stream subscription's
   * "Sign Payload" option). When set, every request must be a signed JWT.
   */
  @IsOptional()
  @IsHttpUrl()
  @IsString()
  jwksUrl?: string;

  /** Expected `iss` claim of signed payloads, when the admin wants it checked. */
  @IsOptional()
  @IsString()
  issuer?: string;

  /** Expected `aud` claim of signed payloads, when the admin wants it checked. */
  @IsOptional()
  @IsString()
  audience?: string;

  /** How long a fetched JWKS is trusted before it is fetched again (Canvas rotates keys monthly). */
  @IsIntBetween(60, 86_400)
  jwksMaxAgeSeconds: number = 3600;
}
