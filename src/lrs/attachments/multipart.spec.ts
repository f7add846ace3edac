import { boundaryOf, MultipartError, parseMultipart, writeMultipart } from './multipart';

const TYPE = 'multipart/mixed; boundary=abc123';
const body = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe('multipart/mixed (RFC 2046 §5.1.1)', () => {
  it('reads the boundary parameter, quoted or not', () => {
    expect(boundaryOf('multipart/mixed; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/mixed;boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/mixed;')).toBeUndefined();
  });

  it('splits parts, ignoring preamble and epilogue, with or without a space after header colons', () => {
    const parts = parseMultipart(
      body('preamble\n--abc123\nContent-Type:application/json\n\n{"a":1}\n--abc123\nContent-Type: text/plain\nX-Experience-API-Hash: h\n\nhello\n--abc123--\nepilogue'),
      TYPE,
    );
    expect(parts).toHaveLength(2);
    expect(parts[0].headers['content-type']).toBe('application/json');
    expect(parts[0].body.toString()).toBe('{"a":1}');
    expect(parts[1].headers['x-experience-api-hash']).toBe('h');
    expect(parts[1].body.toString()).toBe('hello');
  });

  it('accepts a body that starts with CRLF before the first boundary', () => {
    expect(parseMultipart(body('\n--abc123\nContent-Type: application/json\n\n[]\n--abc123--'), TYPE)).toHaveLength(1);
  });

  it.each([
    ['no boundary parameter', 'multipart/mixed;', '--abc123\n\nx\n--abc123--'],
    ['no boundary line in the body', TYPE, 'Content-Type: application/json\n\n{}'],
    ['no closing boundary', TYPE, '--abc123\nContent-Type: application/json\n\n{}'],
    ['a malformed header line', TYPE, '--abc123\nnot a header\n\n{}\n--abc123--'],
  ])('refuses %s', (_, type, text) => {
    expect(() => parseMultipart(body(text), type)).toThrow(MultipartError);
  });

  it('writes what it reads back, bytes intact', () => {
    const binary = Buffer.from([0, 255, 13, 10, 45, 45]);
    const written = writeMultipart(
      [
        { headers: { 'Content-Type': 'application/json' }, body: Buffer.from('{}') },
        { headers: { 'Content-Type': 'application/octet-stream', 'X-Experience-API-Hash': 'h' }, body: binary },
      ],
      'b0undary',
    );
    const parts = parseMultipart(written, 'multipart/mixed; boundary=b0undary');
    expect(parts.map((p) => p.body)).toEqual([Buffer.from('{}'), binary]);
  });
});
