import { LRS_ERROR_STATUS } from '../http/lrs-error-status';
import { LrsError } from '../lrs-errors';
import { etagOf, isJsonType, mergeDocuments } from './document-content';

const json = (value: unknown, contentType = 'application/json') => ({ content: Buffer.from(JSON.stringify(value)), contentType });
const merged = (a: unknown, b: unknown) => JSON.parse(mergeDocuments(json(a), json(b)).content.toString()) as unknown;

describe('mergeDocuments', () => {
  it('writes the new top-level properties over the old ones and keeps the rest', () => {
    expect(merged({ car: 'Honda', year: 2001 }, { type: 'Civic', year: 2002 })).toEqual({ car: 'Honda', type: 'Civic', year: 2002 });
  });

  it('replaces nested objects whole (one level deep)', () => {
    expect(merged({ car: { make: 'Ford', model: 'Escape' } }, { car: { make: 'Dodge' } })).toEqual({ car: { make: 'Dodge' } });
  });

  it('keeps application/json with parameters mergeable', () => {
    expect(isJsonType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonType('application/jsonx')).toBe(false);
  });

  it.each([
    ['the stored document is not JSON', { content: Buffer.from('/ asdf /'), contentType: 'application/octet-stream' }, json({ a: 1 })],
    ['the new document is not JSON', json({ a: 1 }), { content: Buffer.from('abc'), contentType: 'not/json' }],
    ['the new document is a JSON array', json({ a: 1 }), json([1, 2])],
    ['the stored document is unparseable', { content: Buffer.from('{"a":'), contentType: 'application/json' }, json({ a: 1 })],
  ])('refuses with 400 when %s', (_case, existing, incoming) => {
    expect(() => mergeDocuments(existing, incoming)).toThrow(LrsError);
    try {
      mergeDocuments(existing, incoming);
    } catch (error) {
      expect(LRS_ERROR_STATUS[(error as LrsError).kind]).toBe(400);
    }
  });
});

describe('etagOf', () => {
  it('is the SHA-1 hex of the bytes', () => {
    expect(etagOf(Buffer.from('test'))).toBe('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3');
  });
});
