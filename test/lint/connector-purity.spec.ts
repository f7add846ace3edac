import { resolve } from 'node:path';
import { lintTexts, PROJECT_ROOT as ROOT } from '../support/lint-text';

/** Linted as if it were a connector's source (the rule applies to connectors/**, specs excepted). */
const CONNECTOR_FILE = resolve(ROOT, 'connectors/lint-fixture/index.ts');
const CONNECTOR_SPEC = resolve(ROOT, 'connectors/lint-fixture/lint-fixture.spec.ts');

const FORBIDDEN = [
  "import axios from 'axios';",
  "import { Client } from 'pg';",
  "import Database from 'better-sqlite3';",
  "import { readFileSync } from 'node:fs';",
  "import { readFile } from 'fs/promises';",
  "import { readFileSync } from 'fs';",
  "import { connect } from 'node:net';",
  "import { request } from 'node:http';",
  "import { request } from 'https';",
  "import { exec } from 'child_process';",
  "import { exec } from 'node:child_process';",
  "import { Queue } from 'bullmq';",
  "import { Injectable } from '@nestjs/common';",
  "import { HubDatabase } from '../../src/store/database';",
  "export const load = () => fetch('https://example.org');",
  "export const load = () => globalThis.fetch('https://example.org');",
  "export const load = () => import('node:fs');",
];

const ALLOWED = [
  "import { createHmac } from 'node:crypto';",
  "import { IsString } from 'class-validator';",
  "import type { Connector } from '../../src/connector-sdk/connector';",
  "import type { Statement } from '../../src/xapi/statement';",
  'export const parts = [createHmac, IsString] as const;',
  'export type Parts = [Connector, Statement];',
  '',
].join('\n');

const SPEC_USING_FS = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";

describe('the lint rule that keeps connectors pure', () => {
  let results: string[][];

  beforeAll(async () => {
    const fixtures = [
      ...FORBIDDEN.map((source) => ({ source: `${source}\n`, file: CONNECTOR_FILE })),
      { source: ALLOWED, file: CONNECTOR_FILE },
      { source: SPEC_USING_FS, file: CONNECTOR_SPEC },
    ];
    results = await lintTexts(fixtures);
  }, 60_000);

  it.each(FORBIDDEN.map((source, i) => [source, i] as const))('refuses %s', (_source, i) => {
    expect(results[i]).toContainEqual(expect.stringMatching(/^no-restricted-(imports|globals|properties|syntax): .*(host's capabilities|imports only|plain)/));
  });

  it('allows what a connector is meant to use', () => {
    expect(results[FORBIDDEN.length]).toEqual([]);
  });

  it('lets a connector spec use the outside to test it', () => {
    expect(results[FORBIDDEN.length + 1]).toEqual([]);
  });
});
