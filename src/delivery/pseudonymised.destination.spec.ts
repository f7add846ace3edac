import { pseudonymiserFor } from '../identity/pseudonymise';
import type { Statement } from '../xapi/statement';
import type { Destination } from './destination';
import { withPseudonyms } from './pseudonymised.destination';

const statement = (email: string): Statement => ({
  id: 'b1a1c7a4-5f3e-4d2a-9c1b-0e2f3a4b5c6d',
  actor: { objectType: 'Agent', mbox: `mailto:${email}`, name: 'Ana Lima' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://lms.example.org/c/1' },
});

/** A destination that writes down what went over the wire. */
function recording() {
  const sent: Statement[][] = [];
  const destination: Destination = {
    id: 'central',
    deliver: async (list) => {
      sent.push([...list]);
      return { kind: 'stored' as const };
    },
    compare: async (list) => {
      sent.push([...list]);
      return list.map(() => 'identical' as const);
    },
  };
  return { sent, destination };
}

describe('withPseudonyms', () => {
  const pseudonymise = pseudonymiserFor({ key: 'a-long-destination-key', homePage: 'https://analytics.acme.example', mode: 'account' });

  it('sends and compares the pseudonymised copy, and leaves the caller’s statement as it was', async () => {
    const { sent, destination } = recording();
    const wrapped = withPseudonyms(destination, pseudonymise);
    const original = statement('ana@acme.example');
    const before = JSON.stringify(original);
    await wrapped.deliver([original]);
    await wrapped.compare([original]);
    expect(sent).toHaveLength(2);
    for (const [wire] of sent) {
      expect(wire.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://analytics.acme.example', name: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(JSON.stringify(wire)).not.toMatch(/ana@|Lima/i);
    }
    expect(sent[0][0]).toEqual(sent[1][0]);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('is the destination itself when it sees people as they are', () => {
    const { destination } = recording();
    expect(withPseudonyms(destination, pseudonymiserFor(undefined))).toBe(destination);
  });
});
