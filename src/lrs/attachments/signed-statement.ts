import { mediaTypeOf } from '../../http/headers';
import { constants, verify, X509Certificate } from 'node:crypto';
import type { Statement } from '../../xapi/statement';
import { toUtcTimestamp } from '../../xapi/validation';
import { comparableForm } from '../statements/statement-equivalence';
import type { AttachmentContent } from './attachment-parts';

export const SIGNATURE_USAGE_TYPE = 'http://adlnet.gov/expapi/attachments/signature';
const SIGNATURE_CONTENT_TYPE = 'application/octet-stream';
const HASH_OF_ALG: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/**
 * Why a signed statement's signature is malformed, or undefined when it is well formed
 * (xAPI 1.0.3 Data §2.6 "Signed Statements", LRS requirements s5): the signature attachment
 * is `application/octet-stream` and its bytes are a JWS (compact serialisation) with an
 * RS256/384/512 `alg`, whose payload is a statement logically equivalent to the one
 * received minus its attachments; with an `x5c` certificate in the header, the signature
 * must verify against it. Statements without a signature attachment pass.
 */
export function signatureProblem(statement: Statement, received: readonly AttachmentContent[]): string | undefined {
  const signatures = (statement.attachments ?? []).filter((a) => a.usageType === SIGNATURE_USAGE_TYPE);
  for (const signature of signatures) {
    if (mediaTypeOf(signature.contentType) !== SIGNATURE_CONTENT_TYPE || signature.contentType.includes(';')) {
      return `a signature attachment must have contentType ${SIGNATURE_CONTENT_TYPE}, not "${signature.contentType}"`;
    }
    const part = received.find((r) => r.sha2 === signature.sha2.toLowerCase());
    if (!part) return 'the signature attachment has no part carrying the JWS';
    const problem = jwsProblem(part.content.toString('utf8').trim(), statement);
    if (problem) return problem;
  }
  return undefined;
}

function jwsProblem(jws: string, statement: Statement): string | undefined {
  const segments = jws.split('.');
  if (segments.length !== 3 || segments.some((s) => !/^[A-Za-z0-9_-]*$/.test(s))) {
    return 'the signature is not a JWS in compact serialisation (three base64url segments)';
  }
  const [headerB64, payloadB64, signatureB64] = segments;
  const header = parseJsonObject(Buffer.from(headerB64, 'base64url').toString('utf8'));
  if (!header) return 'the JWS header is not a JSON object';
  const alg = header.alg;
  if (typeof alg !== 'string' || !HASH_OF_ALG[alg]) return `the JWS must use RS256, RS384 or RS512, not ${JSON.stringify(alg)}`;
  const payload = parseJsonObject(Buffer.from(payloadB64, 'base64url').toString('utf8'));
  if (!payload) return 'the JWS payload is not a JSON statement';

  if (typeof payload.id === 'string' && statement.id !== undefined && payload.id.toLowerCase() !== statement.id.toLowerCase()) {
    return 'the JWS payload is a statement with another id';
  }
  const differentTime =
    typeof payload.timestamp === 'string' && statement.timestamp !== undefined && toUtcTimestamp(payload.timestamp) !== toUtcTimestamp(statement.timestamp);
  if (differentTime || comparableForm(payload, { includeAttachments: false }) !== comparableForm(statement, { includeAttachments: false })) {
    return 'the JWS payload is not the statement that was received (Data §2.3.1 statement comparison)';
  }

  const chain = header.x5c;
  if (chain !== undefined) {
    if (!Array.isArray(chain) || typeof chain[0] !== 'string') return 'the JWS header x5c must be an array of base64 certificates';
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(chain[0], 'base64'));
    } catch {
      return 'the JWS header x5c certificate cannot be read';
    }
    const valid = verify(
      HASH_OF_ALG[alg],
      Buffer.from(`${headerB64}.${payloadB64}`),
      { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(signatureB64, 'base64url'),
    );
    if (!valid) return 'the JWS signature does not verify against its x5c certificate';
  }
  return undefined;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
