import { createHash } from 'node:crypto';
import type { Attachment, Statement } from '../../xapi/statement';
import { AttachmentPartsError, matchAttachmentParts } from './attachment-parts';
import type { MultipartPart } from './multipart';

const content = Buffer.from('here is a simple attachment');
const sha2 = createHash('sha256').update(content).digest('hex');
const attachment = (extra: Partial<Attachment> = {}): Attachment => ({
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  contentType: 'text/plain',
  length: content.length,
  sha2,
  ...extra,
});
const statement = (attachments: Attachment[]): Statement => ({
  actor: { mbox: 'mailto:a@example.org' },
  verb: { id: 'http://example.org/verb' },
  object: { id: 'http://example.org/activity' },
  attachments,
});
const part = (headers: Record<string, string>, body = content): MultipartPart => ({ headers, body });
const good = { 'content-type': 'text/plain', 'content-transfer-encoding': 'binary', 'x-experience-api-hash': sha2 };

describe('matching attachment parts to statements (Communication §1.5.2)', () => {
  it('returns the bytes of each declared attachment', () => {
    expect(matchAttachmentParts([statement([attachment()])], [part(good)])).toEqual([{ sha2, contentType: 'text/plain', content }]);
  });

  it('needs no part for a fileUrl attachment, and takes one if sent', () => {
    const withUrl = statement([attachment({ fileUrl: 'http://example.org/file.txt' })]);
    expect(matchAttachmentParts([withUrl], [])).toEqual([]);
    expect(matchAttachmentParts([withUrl], [part(good)])).toHaveLength(1);
  });

  it.each([
    ['a missing part', [] as MultipartPart[]],
    ['a part without X-Experience-API-Hash', [part({ ...good, 'x-experience-api-hash': '' })]],
    ['Content-Transfer-Encoding other than binary', [part({ ...good, 'content-transfer-encoding': 'base64' })]],
    ['a hash no attachment declares', [part(good), part({ ...good, 'x-experience-api-hash': 'ab'.repeat(32) }, Buffer.from('x'))]],
    ['content that does not hash to its header', [part(good, Buffer.from('other bytes'))]],
  ])('refuses %s', (_, parts) => {
    expect(() => matchAttachmentParts([statement([attachment()])], parts)).toThrow(AttachmentPartsError);
  });
});
