import { createHash, createHmac, generateKeyPairSync, sign } from 'node:crypto';
import type { Statement } from '../../xapi/statement';
import type { AttachmentContent } from './attachment-parts';
import { SIGNATURE_USAGE_TYPE, signatureProblem } from './signed-statement';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const base: Statement = {
  id: '1f2b7a1e-5a4e-4c55-9d2a-3f1d0f5c8b11',
  actor: { objectType: 'Agent', mbox: 'mailto:signer@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
  object: { id: 'http://example.org/activities/signed' },
  result: { duration: 'P1DT12H36M0.12S' },
};

function jws(payload: unknown, alg = 'RS256', header: Record<string, unknown> = {}): string {
  const input = `${b64({ alg, ...header })}.${b64(payload)}`;
  const hash = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' }[alg];
  const signature = hash ? sign(hash, Buffer.from(input), privateKey) : createHmac('sha256', 'secret').update(input).digest();
  return `${input}.${signature.toString('base64url')}`;
}

/** The statement as received (with its signature attachment) and the parts that came with it. */
function signed(token: string, statement: Statement = base, contentType = 'application/octet-stream'): [Statement, AttachmentContent[]] {
  const bytes = Buffer.from(token);
  const sha2 = createHash('sha256').update(bytes).digest('hex');
  const received: Statement = {
    ...statement,
    attachments: [{ usageType: SIGNATURE_USAGE_TYPE, display: { 'en-US': 'signature' }, contentType, length: bytes.length, sha2 }],
  };
  return [received, [{ sha2, contentType, content: bytes }]];
}

describe('signed statements (xAPI 1.0.3 Data §2.6)', () => {
  it.each(['RS256', 'RS384', 'RS512'])('accepts a JWS with %s whose payload is the statement', (alg) => {
    expect(signatureProblem(...signed(jws(base, alg)))).toBeUndefined();
  });

  it('accepts a payload that differs only in key order and duration beyond 0.01 s', () => {
    const { result, ...rest } = base;
    const received = { ...rest, result: { duration: 'P1DT12H36M0.1237S' } } as Statement;
    expect(signatureProblem(...signed(jws({ result, ...rest }), received))).toBeUndefined();
  });

  it('passes statements without a signature attachment', () => {
    expect(signatureProblem(base, [])).toBeUndefined();
  });

  it.each([
    ['another algorithm', () => signed(jws(base, 'HS256'))],
    ['a contentType other than application/octet-stream', () => signed(jws(base), base, 'text/plain; charset=ascii')],
    ['a payload that is not JSON', () => signed(`${b64({ alg: 'RS256' })}.${b64("{'bad json")}.sig`)],
    ['a payload that is another statement', () => signed(jws({ ...base, verb: { id: 'http://example.org/other' } }))],
    ['bytes that are not a compact JWS', () => signed('not a jws')],
  ])('refuses %s', (_, make) => {
    expect(signatureProblem(...make())).toEqual(expect.any(String));
  });
});
