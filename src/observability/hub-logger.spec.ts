import { createPinoLogger } from './hub-logger';

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
