import { redactUrl, redactUrlsIn } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['http://user:pass@host/xapi/', 'http://user:***@host/xapi/'],
    ['https://lrs-key:s3cr%40t@lrs.example.org:8443/xapi', 'https://lrs-key:***@lrs.example.org:8443/xapi'],
    ['redis://:hunter2@127.0.0.1:6379', 'redis://:***@127.0.0.1:6379'],
    ['postgres://hub:pw@db/hub?sslmode=require', 'postgres://hub:***@db/hub?sslmode=require'],
    ['https://lrs.example.org/xapi/', 'https://lrs.example.org/xapi/'],
    ['http://only-user@host/', 'http://only-user@host/'],
  ])('takes the password out of %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it.each([
    ['/hooks/demo?token=abc123', '/hooks/demo?token=***'],
    ['/hooks/graph?validationToken=Validation%3A+Token', '/hooks/graph?validationToken=***'],
    ['/cb?code=4%2F0Ad&state=xyz&scope=email', '/cb?code=***&state=***&scope=email'],
    ['/x?access_token=a&client_secret=b&api_key=c&apikey=d&key=e&password=f&sig=g&signature=h&X-Amz-Signature=i', '/x?access_token=***&client_secret=***&api_key=***&apikey=***&key=***&password=***&sig=***&signature=***&X-Amz-Signature=***'],
    ['/xapi/statements?verb=http%3A%2F%2Fex.org%2Fv&limit=10', '/xapi/statements?verb=http%3A%2F%2Fex.org%2Fv&limit=10'],
    ['/x?flag&token=', '/x?flag&token=***'],
    ['https://u:p@h/cb#access_token=t&token_type=bearer', 'https://u:***@h/cb#access_token=***&token_type=***'],
    ['/no-query', '/no-query'],
  ])('blanks secret query parameters in %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('finds URLs inside a message', () => {
    expect(redactUrlsIn('POST http://a:b@lrs/xapi/statements?token=t failed: ECONNREFUSED')).toBe(
      'POST http://a:***@lrs/xapi/statements?token=*** failed: ECONNREFUSED',
    );
    expect(redactUrlsIn('nothing to see')).toBe('nothing to see');
  });
});
