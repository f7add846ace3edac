/**
 * Whether a Node version satisfies an `engines.node` range, for the forms npm packages use
 * (`>=20.19`, `^20.19.0 || >=22`, `20.x`, `18 || 20 || >=22`, `>=16 || 14 >=14.17`, `*`).
 * A small reading of semver ranges, enough to hold the lockfile to package.json's engines.
 */
export function nodeSatisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) => comparators(alternative).every((c) => holds(v, c)));
}

type Version = [number, number, number];

function parse(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return [major, minor, patch];
}

/** `>= 18` → `>=18`; tokens split on spaces. */
function comparators(alternative: string): string[] {
  return alternative.trim().replace(/([<>]=?|\^|~)\s+/g, '$1').split(/\s+/).filter((c) => c !== '');
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function holds(v: Version, comparator: string): boolean {
  if (comparator === '*' || comparator === 'x') return true;
  const match = /^(>=|<=|>|<|\^|~|=)?v?(\d+|\*|x)(?:\.(\d+|\*|x))?(?:\.(\d+|\*|x))?$/i.exec(comparator);
  if (!match) throw new Error(`unreadable engines comparator "${comparator}"`);
  const [, op = '', ...parts] = match;
  const given = parts.filter((p) => p !== undefined && !/^[*x]$/i.test(p)).map(Number);
  const bound = parse(given.join('.'));
  const c = compare(v, bound);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      return c >= 0 && v[0] === bound[0];
    case '~':
      return c >= 0 && v[0] === bound[0] && v[1] === bound[1];
    default:
      // `20`, `20.x`, `6.*`, `=1.2.3`: equal in every part given.
      return given.every((n, i) => v[i] === n);
  }
}
