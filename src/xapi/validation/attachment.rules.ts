/** Attachments (xAPI 1.0.3 §2.4.11; IEEE 9274.1.1 §4.2.2.6). */
import { checkArray, checkIri, checkIrl, checkLanguageMap, checkObject, checkString } from './common.rules';
import { checkProperties, child, item, mustBe, report, requireProperty, shape, type RuleContext } from './issues';
import { isMediaType, isSha2Hex } from './primitives';

const ATTACHMENT = shape('an Attachment', ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);

export function checkAttachments(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkArray(ctx, value, path, 'an array of Attachment objects')) return;
  value.forEach((attachment, i) => checkAttachment(ctx, attachment, item(path, i)));
}

function checkAttachment(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'an Attachment')) return;
  checkProperties(ctx, value, path, ATTACHMENT);
  if (requireProperty(ctx, value, 'usageType', path, 'an Attachment')) checkIri(ctx, value.usageType, child(path, 'usageType'));
  if (requireProperty(ctx, value, 'display', path, 'an Attachment')) checkLanguageMap(ctx, value.display, child(path, 'display'));
  if (value.description !== undefined) checkLanguageMap(ctx, value.description, child(path, 'description'));

  if (requireProperty(ctx, value, 'contentType', path, 'an Attachment')) {
    const where = child(path, 'contentType');
    if (checkString(ctx, value.contentType, where) && !isMediaType(value.contentType)) {
      report(ctx, where, 'must be an Internet media type such as "text/plain" or "application/pdf"');
    }
  }
  if (requireProperty(ctx, value, 'length', path, 'an Attachment')) {
    const length = value.length;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
      report(ctx, child(path, 'length'), mustBe('a non-negative integer (the size in octets)', length));
    }
  }
  // Required even when fileUrl is given (§2.4.11.s2 table row 6).
  if (requireProperty(ctx, value, 'sha2', path, 'an Attachment')) {
    const where = child(path, 'sha2');
    if (checkString(ctx, value.sha2, where) && !isSha2Hex(value.sha2)) {
      report(ctx, where, 'must be the hex SHA-2 hash of the attachment data (64 hex digits for SHA-256)');
    }
  }
  if (value.fileUrl !== undefined) checkIrl(ctx, value.fileUrl, child(path, 'fileUrl'));
}
