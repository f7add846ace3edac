import { RequestRejectedError } from './connector';
import { csvRows, formBody, inboundRequest, jsonBody, mediaTypeOf } from './inbound-request';

const rejection = (run: () => unknown): { status: number; message: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestRejectedError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a RequestRejectedError');
};

describe('inboundRequest', () => {
  it('lower-cases header names and serialises a JSON body with its content type', () => {
    const request = inboundRequest({ headers: { 'X-Token': 't' }, body: { a: 1 } });
    expect(request.headers).toEqual({ 'x-token': 't', 'content-type': 'application/json' });
    expect(request.rawBody.toString()).toBe('{"a":1}');
    expect(inboundRequest({}).rawBody).toHaveLength(0);
  });
});

describe('mediaTypeOf', () => {
  it('drops parameters and case, and is empty without a Content-Type', () => {
    expect(mediaTypeOf(inboundRequest({ headers: { 'content-type': 'Application/JSON; charset=utf-8' } }))).toBe('application/json');
    expect(mediaTypeOf(inboundRequest({}))).toBe('');
  });
});

describe('jsonBody', () => {
  it('parses JSON sent as application/json, +json, or with no type', () => {
    expect(jsonBody(inboundRequest({ headers: { 'content-type': 'application/json' }, body: '{"a":[1]}' }))).toEqual({ a: [1] });
    expect(jsonBody(inboundRequest({ headers: { 'content-type': 'application/cloudevents+json' }, body: '1' }))).toBe(1);
    expect(jsonBody(inboundRequest({ body: '"x"' }))).toBe('x');
  });

  it('refuses another type (415), an empty body and malformed JSON (400)', () => {
    expect(rejection(() => jsonBody(inboundRequest({ headers: { 'content-type': 'text/plain' }, body: '{}' })))).toEqual({
      status: 415,
      message: 'the body must be JSON (Content-Type: application/json), not text/plain',
    });
    expect(rejection(() => jsonBody(inboundRequest({ headers: { 'content-type': 'application/json' } })))).toMatchObject({ status: 400, message: /empty/ });
    expect(rejection(() => jsonBody(inboundRequest({ body: '{"a":' })))).toMatchObject({ status: 400, message: expect.stringMatching(/^the body is malformed JSON: /) });
    // Deep nesting is an attack on whatever walks the value next (mappings, validation).
    expect(rejection(() => jsonBody(inboundRequest({ body: '['.repeat(65) + ']'.repeat(65) })))).toEqual({ status: 400, message: 'the body is JSON nested deeper than 64 levels' });
    expect(jsonBody(inboundRequest({ body: '['.repeat(64) + ']'.repeat(64) }))).toBeDefined();
  });
});

describe('formBody', () => {
  it('decodes a form, the last of a repeated name winning', () => {
    const request = inboundRequest({
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'command=%2Flearned&text=30m+Read+the+review&user_id=U1&x=1&x=2',
    });
    expect(formBody(request)).toEqual({ command: '/learned', text: '30m Read the review', user_id: 'U1', x: '2' });
  });

  it('refuses anything that is not a form (415), naming what came', () => {
    expect(rejection(() => formBody(inboundRequest({ body: { a: 1 } })))).toMatchObject({ status: 415, message: /not application\/json$/ });
    expect(rejection(() => formBody(inboundRequest({ body: 'a=1' })))).toMatchObject({ status: 415, message: /not none$/ });
  });
});

describe('csvRows', () => {
  it('reads a BOM, CRLF, quoted fields with commas and newlines, trimmed header names', () => {
    const csv = '\uFEFFid, name ,note\r\n1,"Smith, Ana","two\nlines"\r\n2,Bo,"say ""hi"""\r\n';
    expect(csvRows(Buffer.from(csv, 'utf8'))).toEqual([
      { line: 2, values: { id: '1', name: 'Smith, Ana', note: 'two\nlines' } },
      { line: 4, values: { id: '2', name: 'Bo', note: 'say "hi"' } },
    ]);
  });

  it('gives each row the line it starts on, past blank lines and multi-line fields', () => {
    const rows = csvRows('id,note\n1,"a\nb\nc"\n\n2,x\n3');
    expect(rows.map((r) => r.line)).toEqual([2, 6, 7]);
    expect(rows[2].values).toEqual({ id: '3', note: '' });
  });

  it('takes another delimiter, and an empty file or a header alone as no rows', () => {
    expect(csvRows('a;b\n1;2', ';')).toEqual([{ line: 2, values: { a: '1', b: '2' } }]);
    expect(csvRows('')).toEqual([]);
    expect(csvRows('a,b\n')).toEqual([]);
  });

  it('refuses a file that is not CSV with the line it broke on (400)', () => {
    expect(rejection(() => csvRows('a,b\n"unterminated,1\n'))).toMatchObject({ status: 400, message: expect.stringMatching(/^the CSV cannot be read: .*line 2/) });
  });
});
