import { parsePreviewRequest, PreviewInputError } from './preview-request';

function problemsOf(body: unknown): string[] {
  try {
    parsePreviewRequest(body);
    return [];
  } catch (error) {
    if (error instanceof PreviewInputError) return error.problems.map((p) => `${p.path}: ${p.reason}`);
    throw error;
  }
}

describe('parsePreviewRequest', () => {
  it('takes a connector with its config, or an instance', () => {
    expect(parsePreviewRequest({ connector: 'generic-webhook', config: { mapping: '{}' }, request: { body: '{}' } })).toMatchObject({
      connector: 'generic-webhook',
      request: { body: '{}' },
    });
    expect(parsePreviewRequest({ instance: 'demo', request: {}, now: '2026-11-27T12:00:00Z', verify: true })).toMatchObject({ instance: 'demo', verify: true });
  });

  it('names each wrong field', () => {
    expect(problemsOf({ request: { headers: 'x' }, now: 'tomorrow', verify: 'no', http: [{ status: 200 }] })).toEqual([
      'request.headers: must be an object',
      'now: must be a valid ISO 8601 date string',
      'verify: must be a boolean value',
      'http[0].url: is required',
      'connector: is required (or give "instance" to preview a configured instance)',
    ]);
    expect(problemsOf({ connector: 'a', instance: 'b', request: {} })).toEqual(['instance: give either "instance" or "connector" + "config", not both']);
    expect(problemsOf({ instance: 'b', config: {}, request: {} })).toEqual([expect.stringMatching(/^config: a configured instance uses its own config/)]);
    expect(problemsOf({ connector: 'a' })).toEqual(['request: is required (or give "task" to run a scheduled task of the connector)']);
    expect(problemsOf({ connector: 'a', request: 'x' })).toEqual(['request: must be an object']);
    expect(problemsOf({ connector: 'a', task: 'pull' })).toEqual([]);
    expect(problemsOf({ connector: 'a', task: 'pull', request: {} })).toEqual(['task: give either "request" or "task", not both']);
    expect(problemsOf({ connector: 'a', request: {}, extra: 1 })).toEqual(['extra: is not a known setting']);
    expect(problemsOf({ connector: 'a', request: { body: 42 } })).toEqual([expect.stringMatching(/^request\.body: must be the raw body as a string/)]);
    expect(problemsOf('text')).toEqual(['(body): must be a JSON object, sent with Content-Type: application/json']);
  });
});
