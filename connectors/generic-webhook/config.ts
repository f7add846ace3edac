import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { IsNonEmptyText } from '../../src/connector-sdk';

/**
 * An instance's settings (the `config:` block in hub.yaml). Validation stops at a field's first
 * error, checked from the bottom decorator up: the type check sits closest to the field.
 */
export class GenericWebhookConfig {
  /** JSONata that turns the JSON body into one statement, an array of them, or nothing. */
  @IsNonEmptyText()
  mapping!: string;

  /** JSONata for the source's own event id; without it the dedupe key is a hash of the body. */
  @IsOptional()
  @IsString()
  eventKey?: string;

  /** Shared secret for an HMAC-SHA256 of the raw body; without it requests are not verified. */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters (a shared secret anyone can guess protects nothing)' })
  @IsString()
  secret?: string;

  @IsOptional()
  @IsString()
  signatureHeader?: string;

  /** Text before the digest in the header, e.g. `sha256=`. */
  @IsOptional()
  @IsString()
  signaturePrefix?: string;

  @IsOptional()
  @IsIn(['hex', 'base64'])
  signatureEncoding?: 'hex' | 'base64';
}

export const DEFAULT_SIGNATURE_HEADER = 'x-hub-signature-256';
export const DEFAULT_SIGNATURE_PREFIX = 'sha256=';
