import { parsePeopleCsv } from './people-csv';

describe('parsePeopleCsv', () => {
  it('turns each row into a hint with the e-mail first', () => {
    const csv = [
      'email,name,team,department,aliases,account:https://acme.slack.com,source:bamboohr,attr:cost_center',
      'ana.lima@acme.example,Ana Lima,Sales,Revenue,ana@old.example; a.lima@acme.example,U07ANA,377,CC-9',
      'bob@acme.example,Bob,,,,,,',
    ].join('\n');
    expect(parsePeopleCsv(csv)).toEqual({
      errors: [],
      rows: [
        {
          line: 2,
          hint: {
            name: 'Ana Lima',
            attributes: { team: 'Sales', department: 'Revenue', cost_center: 'CC-9' },
            identities: [
              { mbox: 'mailto:ana.lima@acme.example' },
              { mbox: 'mailto:ana@old.example' },
              { mbox: 'mailto:a.lima@acme.example' },
              { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } },
              { source: 'bamboohr', id: '377' },
            ],
          },
        },
        { line: 3, hint: { name: 'Bob', identities: [{ mbox: 'mailto:bob@acme.example' }] } },
      ],
    });
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const { rows, errors } = parsePeopleCsv('email,name\nana@acme.example,Ana\n,Nobody\nnot-an-address,X\n');
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, error: 'email: required' },
      { line: 4, error: 'email.mbox: a mailto: address, e.g. "mailto:ana@example.org"' },
    ]);
  });

  it('refuses a file without an email column or with an unknown column, at line 1', () => {
    expect(parsePeopleCsv('name,shoe_size\nAna,38\n').errors).toEqual([
      { line: 1, error: expect.stringContaining('column 2 "shoe_size": unknown') },
      { line: 1, error: 'no "email" column: every person needs their canonical e-mail' },
    ]);
  });
});
