import { resolve } from 'node:path';
import { lintTexts, PROJECT_ROOT } from '../support/lint-text';

/** Files below the app module: each must inject the settings it needs, never the whole HubRuntime. */
const REFUSED: [file: string, source: string][] = [
  ['src/store/store.module.ts', "import type { HubRuntime } from '../hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/intake/hooks.controller.ts', "import type { HubRuntime } from '../hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/identity/erasure/erasure.providers.ts', "import { runtimeFor } from '../../hub-runtime';\nexport const r = runtimeFor;\n"],
  // Folders with arrow rules of their own keep this one too.
  ['src/delivery/deliver.worker.ts', "import type { HubRuntime } from '../hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/observability/health.controller.ts', "import type { HubRuntime } from '../hub-runtime';\nexport type R = HubRuntime;\n"],
];

/** What builds the runtime and hands it to AppModule.forRoot, and the tests and bench that start hubs. */
const ALLOWED: [file: string, source: string][] = [
  ['src/main.ts', "import type { HubRuntime } from './hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/startup.ts', "import type { HubRuntime } from './hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/hub-app.ts', "import type { HubRuntime } from './hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/app.module.ts', "import type { HubRuntime } from './hub-runtime';\nexport type R = HubRuntime;\n"],
  ['src/runtime.module.ts', "import type { HubRuntime } from './hub-runtime';\nexport type R = HubRuntime;\n"],
  ['test/support/test-hub.ts', "import type { HubRuntime } from '../../src/hub-runtime';\nexport type R = HubRuntime;\n"],
  ['bench/support/hub-server.ts', "import type { HubRuntime } from '../../src/hub-runtime';\nexport type R = HubRuntime;\n"],
];

describe('the lint rule that keeps HubRuntime at the top', () => {
  let results: string[][];

  beforeAll(async () => {
    results = await lintTexts(
      [...REFUSED, ...ALLOWED, ['src/delivery/deliver.worker.ts', "import { HttpProblem } from '../http/http-errors';\nexport const p = HttpProblem;\n"]].map(
        ([file, source]) => ({ file: resolve(PROJECT_ROOT, file), source }),
      ),
    );
  }, 60_000);

  it.each(REFUSED.map(([file], i) => [file, i] as const))('refuses src/hub-runtime in %s', (_file, i) => {
    expect(results[i]).toEqual([expect.stringMatching(/^no-restricted-imports: .*Inject the settings the class needs/)]);
  });

  it.each(ALLOWED.map(([file], i) => [file, i] as const))('allows it in %s', (_file, i) => {
    expect(results[REFUSED.length + i]).toEqual([]);
  });

  it("keeps delivery's own arrow rule beside it", () => {
    expect(results[REFUSED.length + ALLOWED.length]).toEqual([expect.stringMatching(/^no-restricted-imports: .*typed answers/)]);
  });
});
