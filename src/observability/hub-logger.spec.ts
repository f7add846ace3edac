import { createPinoLogger, requestContext } from './hub-logger';

describe('the hub logger', () => {
  it('never writes Authorization headers, passwords or secrets', () => {
    const lines: string[] = [];
    const logger = createPinoLogger('info', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        req: { headers: { authorization: 'Basic dXNlcjpodW50ZXIy' } },
        headers: { authorization: 'Bearer admin-token-123' },
        destination: { id: 'central', password: 'lrs-password-456' },
        config: { secret: 'webhook-secret-789' },
      },
      'request',
    );
    const output = lines.join('');
    for (const secret of ['dXNlcjpodW50ZXIy', 'admin-token-123', 'lrs-password-456', 'webhook-secret-789']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain('central');
  });
});

describe('the hub logger and URLs', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: createPinoLogger('info', { write: (line: string) => lines.push(line) }) };
  };

  it('blanks secrets in url fields, other strings and the message', () => {
    const { lines, logger } = capture();
    logger.info({ url: '/hooks/x?token=t-1&page=2', endpoint: 'http://u:p-2@lrs/xapi/' }, 'calling https://a:p-3@lrs/x?access_token=t-4');
    const output = lines.join('');
    for (const secret of ['t-1', 'p-2', 'p-3', 't-4']) expect(output).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({ url: '/hooks/x?token=***&page=2', endpoint: 'http://u:***@lrs/xapi/', msg: 'calling https://a:***@lrs/x?access_token=***' });
  });

  it('blanks URLs quoted in a logged error', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('request to http://lrs-user:pw-5@lrs/xapi/statements?token=t-6 failed') }, 'delivery failed');
    expect(lines.join('')).not.toMatch(/pw-5|t-6/);
    expect(JSON.parse(lines[0]).err.message).toBe('request to http://lrs-user:***@lrs/xapi/statements?token=*** failed');
  });

  it('stamps the request id on every line written while serving a request', () => {
    const { lines, logger } = capture();
    requestContext.run({ requestId: 'req-7' }, () => logger.warn('inside'));
    logger.info('outside');
    expect(JSON.parse(lines[0])).toMatchObject({ msg: 'inside', reqId: 'req-7' });
    expect(JSON.parse(lines[1])).not.toHaveProperty('reqId');
  });
});
