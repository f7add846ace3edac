import { definitionsIn, mergeDefinitions } from './activity-definition';

const ID = 'http://www.example.com/meetings/34534';

describe('mergeDefinitions', () => {
  it('merges language maps and extensions key by key, newer winning', () => {
    const older = { name: { 'en-US': 'meeting', 'de-DE': 'Treffen' }, type: 'http://a/t1', extensions: { 'http://x/a': 1 } };
    const newer = { name: { 'fr-FR': 'réunion', 'en-US': 'Meeting' }, type: 'http://a/t2', extensions: { 'http://x/b': 2 } };
    expect(mergeDefinitions(older, newer)).toEqual({
      name: { 'en-US': 'Meeting', 'de-DE': 'Treffen', 'fr-FR': 'réunion' },
      type: 'http://a/t2',
      extensions: { 'http://x/a': 1, 'http://x/b': 2 },
    });
  });

  it('takes the newer interaction components, keeping older descriptions of the same id', () => {
    const older = { interactionType: 'choice', choices: [{ id: 'a', description: { 'en-US': 'A' } }, { id: 'b', description: { 'en-US': 'B' } }] };
    const newer = { interactionType: 'choice', choices: [{ id: 'a', description: { 'fr-FR': 'A fr' } }] };
    expect(mergeDefinitions(older, newer).choices).toEqual([{ id: 'a', description: { 'en-US': 'A', 'fr-FR': 'A fr' } }]);
  });

  it('starts from the first definition', () => {
    expect(mergeDefinitions(undefined, { name: { en: 'x' } })).toEqual({ name: { en: 'x' } });
  });
});

describe('definitionsIn', () => {
  it('finds the activity as object, in context activities (object or array) and inside a SubStatement', () => {
    const def = (n: number) => ({ name: { en: `d${n}` } });
    const statement = {
      actor: { mbox: 'mailto:a@example.org' },
      verb: { id: 'http://v' },
      object: {
        objectType: 'SubStatement',
        actor: { mbox: 'mailto:a@example.org' },
        verb: { id: 'http://v' },
        object: { id: ID, definition: def(1) },
        context: { contextActivities: { parent: { id: ID, definition: def(2) } } },
      },
      context: { contextActivities: { grouping: [{ id: 'http://other' }, { id: ID, definition: def(3) }], other: { id: ID } } },
    };
    expect(definitionsIn(statement, ID)).toEqual([def(1), def(2), def(3)]);
  });

  it('ignores other activities and activities without a definition', () => {
    expect(definitionsIn({ object: { id: 'http://other', definition: { name: { en: 'x' } } } }, ID)).toEqual([]);
    expect(definitionsIn({ object: { id: ID } }, ID)).toEqual([]);
  });
});
