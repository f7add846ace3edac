import { LRS_ERROR_STATUS } from '../http/lrs-error-status';
import { checkPreconditions, etagHeader, matches, type PreconditionInput } from './preconditions';

const ETAG = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const input = (over: Partial<PreconditionInput>): PreconditionInput => ({
  method: 'PUT',
  kind: 'agent_profile',
  version: '2.0.0',
  currentEtag: ETAG,
  ...over,
});
const status = (over: Partial<PreconditionInput>) => {
  const refusal = checkPreconditions(input(over));
  return refusal && LRS_ERROR_STATUS[refusal.kind];
};

describe('checkPreconditions', () => {
  it.each(['PUT', 'POST', 'DELETE'] as const)('lets %s through with the current ETag in If-Match', (method) => {
    expect(status({ method, ifMatch: etagHeader(ETAG) })).toBeUndefined();
  });

  it.each(['PUT', 'POST', 'DELETE'] as const)('answers 412 to %s with a stale If-Match', (method) => {
    expect(status({ method, ifMatch: '"1234"' })).toBe(412);
  });

  it('answers 412 to If-Match when there is no document', () => {
    expect(status({ ifMatch: '*', currentEtag: undefined })).toBe(412);
  });

  it('answers 412 to If-None-Match: * when the document exists, and lets it create one', () => {
    expect(status({ ifNoneMatch: '*' })).toBe(412);
    expect(status({ ifNoneMatch: '*', currentEtag: undefined })).toBeUndefined();
  });

  it('answers 409 to a header-less PUT over an existing profile document, in both versions', () => {
    expect(status({ version: '1.0.3' })).toBe(409);
    expect(status({ version: '2.0.0', kind: 'activity_profile' })).toBe(409);
  });

  it('exempts State from the 409 in 1.0.3 only', () => {
    expect(status({ kind: 'state', version: '1.0.3' })).toBeUndefined();
    expect(status({ kind: 'state', version: '2.0.0' })).toBe(409);
  });

  it('answers 400 to a header-less PUT creating a 1.0.3 profile document; 2.0 and State create it', () => {
    expect(status({ version: '1.0.3', currentEtag: undefined })).toBe(400);
    expect(status({ version: '2.0.0', currentEtag: undefined })).toBeUndefined();
    expect(status({ version: '1.0.3', kind: 'state', currentEtag: undefined })).toBeUndefined();
  });

  it('needs no headers on POST or DELETE', () => {
    expect(status({ method: 'POST' })).toBeUndefined();
    expect(status({ method: 'DELETE' })).toBeUndefined();
  });

  it('gives the 409 a body that says what to do', () => {
    const problem = checkPreconditions(input({}));
    expect(problem?.message).toMatch(/If-Match/);
    expect(problem?.details.join(' ')).toMatch(/ETag/);
  });
});

describe('matches', () => {
  it('reads lists, weak tags, bare tokens and *', () => {
    expect(matches(`"x", "${ETAG}"`, ETAG)).toBe(true);
    expect(matches(`W/"${ETAG}"`, ETAG)).toBe(true);
    expect(matches(ETAG.toUpperCase(), ETAG)).toBe(true);
    expect(matches('*', ETAG)).toBe(true);
    expect(matches('"x", "y"', ETAG)).toBe(false);
  });
});
