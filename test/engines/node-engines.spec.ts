import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeSatisfies } from './node-range';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

/** The oldest Node package.json admits: `>=20.19` → 20.19.0. */
const OLDEST = /^>=\s*(\d+\.\d+(\.\d+)?)$/.exec(manifest.engines.node)?.[1];

describe('Node versions: package.json and the lockfile agree', () => {
  it('states its oldest Node as ">=x.y"', () => {
    expect(OLDEST).toBeDefined();
  });

  it('installs no package that refuses the oldest Node package.json admits', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
      .filter(([, entry]) => !nodeSatisfies(OLDEST!, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});

describe('nodeSatisfies', () => {
  it.each([
    ['20.19.0', '>=20.19', true],
    ['20.19.0', '>=22', false],
    ['20.19.0', '^20.19.0 || ^22.13.0 || >=24', true],
    ['20.19.0', '^20.20.0 || >=22', false],
    ['20.19.0', '18 || 20 || >=22', true],
    ['20.19.0', '20.x || 22.x', true],
    ['20.19.0', '6.* || 8.* || >= 10.*', true],
    ['20.19.0', '>=16 || 14 >=14.17', true],
    ['20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0', true],
    ['20.19.0', '~20.18.0', false],
    ['20.19.0', '*', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(nodeSatisfies(version, range)).toBe(expected);
  });
});
