import { activityIdFrom, isEmail, mboxOf } from './activity-id';

describe('activityIdFrom', () => {
  it('joins the base and escaped id parts', () => {
    expect(activityIdFrom('https://lms.acme.example', 'course', 42)).toBe('https://lms.acme.example/course/42');
    expect(activityIdFrom('https://lms.acme.example/', 'event', 'abc/def@google.com', '2026-11-27T09:00:00Z')).toBe(
      'https://lms.acme.example/event/abc%2Fdef%40google.com/2026-11-27T09%3A00%3A00Z',
    );
  });

  it('refuses a base that is not an absolute IRI', () => {
    expect(() => activityIdFrom('lms.acme.example', 'x')).toThrow();
  });
});

describe('mboxOf and isEmail', () => {
  it('lower-cases and trims an address into a mailto: IRI', () => {
    expect(mboxOf(' Ana.Lima@Example.ORG ')).toBe('mailto:ana.lima@example.org');
  });

  it('tells an e-mail address from other text', () => {
    expect(isEmail('ana@example.org')).toBe(true);
    expect(isEmail('U024BE7LH')).toBe(false);
    expect(isEmail('ana@localhost')).toBe(false);
    expect(isEmail('a b@example.org')).toBe(false);
    expect(isEmail(undefined)).toBe(false);
  });
});
