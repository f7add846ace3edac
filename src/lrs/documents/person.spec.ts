import { namesIn, personOf } from './person';

describe('personOf', () => {
  it('puts the identifier and the known names in arrays', () => {
    expect(personOf({ mbox: 'mailto:ana@example.org' }, ['Ana', 'Ana B', 'Ana'])).toEqual({
      objectType: 'Person',
      name: ['Ana', 'Ana B'],
      mbox: ['mailto:ana@example.org'],
    });
    expect(personOf({ account: { homePage: 'http://lms.example.org', name: 'u1' } }, [])).toEqual({
      objectType: 'Person',
      account: [{ homePage: 'http://lms.example.org', name: 'u1' }],
    });
  });
});

describe('namesIn', () => {
  it('collects the names given to the same agent anywhere in a statement', () => {
    const key = 'mbox:mailto:ana@example.org';
    const statement = {
      actor: { name: 'Ana', mbox: 'mailto:ana@example.org' },
      object: { objectType: 'Agent', name: 'Bob', mbox: 'mailto:bob@example.org' },
      context: { team: { objectType: 'Group', member: [{ name: 'Ana Team', mbox: 'mailto:ana@example.org' }] } },
    };
    expect(namesIn(statement, key)).toEqual(['Ana', 'Ana Team']);
  });
});
