import { personHint } from './person-hint';

describe('personHint', () => {
  it('links the source account with the lower-cased e-mail, with name and attributes', () => {
    expect(personHint({ homePage: 'https://acme.bamboohr.com', id: '4711', email: 'Ana@Acme.example', name: 'Ana Lima', attributes: { department: 'Ops' } })).toEqual({
      identities: [{ account: { homePage: 'https://acme.bamboohr.com', name: '4711' } }, { mbox: 'mailto:ana@acme.example' }],
      name: 'Ana Lima',
      attributes: { department: 'Ops' },
    });
  });

  it('leaves out what the source did not say: no e-mail, no name, no attributes', () => {
    expect(personHint({ homePage: 'https://acme.personio.de', id: '42', email: undefined, name: '', attributes: {} })).toEqual({
      identities: [{ account: { homePage: 'https://acme.personio.de', name: '42' } }],
    });
  });
});
