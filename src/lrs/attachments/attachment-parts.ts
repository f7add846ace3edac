import { createHash } from 'node:crypto';
import type { Attachment, Statement } from '../../xapi/statement';
import type { MultipartPart } from './multipart';

export const HASH_HEADER = 'x-experience-api-hash';

/** Attachment bytes received with statements, by lower-case SHA-2 hex. */
export interface AttachmentContent {
  sha2: string;
  contentType: string;
  content: Buffer;
}

/** Why the attachment parts of a request do not fit its statements (answered 400). */
export class AttachmentPartsError extends Error {}

/** Every Attachment object the statements declare (their own and their SubStatements'). */
export function declaredAttachments(statements: readonly Statement[]): Attachment[] {
  return statements.flatMap((statement) => [
    ...(statement.attachments ?? []),
    ...(statement.object.objectType === 'SubStatement' ? (statement.object.attachments ?? []) : []),
  ]);
}

/**
 * Matches the parts after the statement part to the statements' attachments
 * (xAPI 1.0.3 Communication §1.5.2; Data §2.4.11): each part carries
 * `Content-Transfer-Encoding: binary` and an `X-Experience-API-Hash` that is one of the
 * declared `sha2` values and the real hash of its bytes; every attachment without a
 * `fileUrl` has its part.
 */
export function matchAttachmentParts(statements: readonly Statement[], parts: readonly MultipartPart[]): AttachmentContent[] {
  const declared = declaredAttachments(statements);
  const declaredHashes = new Set(declared.map((a) => a.sha2.toLowerCase()));
  const received = new Map<string, AttachmentContent>();
  parts.forEach((part, i) => {
    const where = `multipart part ${i + 2}`;
    const hash = part.headers[HASH_HEADER]?.toLowerCase();
    if (!hash) throw new AttachmentPartsError(`${where} has no X-Experience-API-Hash header`);
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding === undefined || encoding.toLowerCase() !== 'binary') {
      throw new AttachmentPartsError(`${where} must have Content-Transfer-Encoding: binary`);
    }
    if (!declaredHashes.has(hash)) throw new AttachmentPartsError(`${where} has hash ${hash}, which no attachment's sha2 declares`);
    const actual = sha2Hex(part.body, hash.length);
    if (actual !== hash) throw new AttachmentPartsError(`${where}: its content hashes to ${actual}, not ${hash}`);
    const declaredType = declared.find((a) => a.sha2.toLowerCase() === hash)!.contentType;
    received.set(hash, { sha2: hash, contentType: part.headers['content-type'] ?? declaredType, content: part.body });
  });
  for (const attachment of declared) {
    if (attachment.fileUrl === undefined && !received.has(attachment.sha2.toLowerCase())) {
      throw new AttachmentPartsError(`attachment ${attachment.sha2} has no fileUrl and no part with its content`);
    }
  }
  return [...received.values()];
}

/** SHA-256, -384 or -512 hex of the bytes, chosen by the length of the expected hex. */
export function sha2Hex(bytes: Buffer, hexLength: number): string {
  const algorithm = hexLength === 128 ? 'sha512' : hexLength === 96 ? 'sha384' : 'sha256';
  return createHash(algorithm).update(bytes).digest('hex');
}
