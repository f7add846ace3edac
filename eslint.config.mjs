// Lint: typescript-eslint's recommended rules, plus the architectural rules DESIGN.md asks for — a
// connector is plain and pure (only the SDK and the xAPI types), and the arrows point one way.
import tseslint from 'typescript-eslint';

/** A connector reaches the outside only through the capabilities the host hands it (DESIGN.md, "A connector"). */
const CONNECTOR_OUTSIDE = 'A connector reaches the outside only through the host\'s capabilities (its context: HTTP client, state, schedules).';

/** Packages and Node modules that do I/O or hold infrastructure; `node:crypto` and pure helpers stay allowed. */
const IO_PACKAGES = ['axios', 'undici', 'node-fetch', 'got', 'pg', 'better-sqlite3', 'kysely', 'bullmq', 'ioredis', 'redis'];
const IO_BUILTINS = ['fs', 'fs/promises', 'net', 'tls', 'dgram', 'dns', 'http', 'https', 'http2', 'child_process', 'cluster', 'worker_threads', 'vm'];
const CONNECTOR_FORBIDDEN_MODULES = [...IO_PACKAGES, ...IO_BUILTINS, ...IO_BUILTINS.map((name) => `node:${name}`)].map((name) => ({
  name,
  message: CONNECTOR_OUTSIDE,
}));

const CONNECTOR_FORBIDDEN_PATTERNS = [
  {
    regex: '^\\.\\./\\.\\./src/(?!connector-sdk(/|$)|xapi/)',
    message: 'A connector imports only src/connector-sdk and src/xapi (DESIGN.md, "A connector").',
  },
  { regex: '^@nestjs/', message: 'A connector is plain: no Nest.' },
  // Subpaths too (`axios/lib/…`, `pg/lib/client`, `fs/promises`).
  { regex: '^(node:)?(axios|undici|node-fetch|got|pg|better-sqlite3|kysely|bullmq|ioredis|redis|fs|net|tls|http2?|https|child_process)/', message: CONNECTOR_OUTSIDE },
];

/**
 * HubRuntime is what start-up builds; RuntimeModule cuts it into the small settings that classes
 * inject (src/runtime-settings.ts), so below the app module nothing reads the whole of it.
 */
const HUB_RUNTIME_IMPORT = {
  regex: '(^|/)hub-runtime(\\.[jt]s)?$',
  message: 'Inject the settings the class needs (src/runtime-settings.ts), not the whole HubRuntime; only start-up and the app and runtime modules build on it.',
};
/** Start-up, the app and runtime modules, and their own specs: the only places that may see HubRuntime. */
const HUB_RUNTIME_BUILDERS = ['src/main.ts', 'src/startup.ts', 'src/startup.spec.ts', 'src/hub-app.ts', 'src/app.module.ts', 'src/runtime.module.ts', 'src/hub-runtime.spec.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['connectors/**/*.ts'],
    ignores: ['connectors/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: CONNECTOR_FORBIDDEN_MODULES, patterns: CONNECTOR_FORBIDDEN_PATTERNS }],
      'no-restricted-globals': ['error', ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'require'].map((name) => ({ name, message: CONNECTOR_OUTSIDE }))],
      'no-restricted-properties': ['error', ...['globalThis', 'global', 'window', 'self'].map((object) => ({ object, property: 'fetch', message: CONNECTOR_OUTSIDE }))],
      // `import('fs')` would pass no-restricted-imports.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: CONNECTOR_OUTSIDE }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: HUB_RUNTIME_BUILDERS,
    rules: { 'no-restricted-imports': ['error', { patterns: [HUB_RUNTIME_IMPORT] }] },
  },
  {
    // Delivery sees typed answers, never an HTTP error of our own (issue #11).
    files: ['src/delivery/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./http/', message: 'Delivery decides on typed answers (batch-answer.ts), not on HttpProblem.' }, HUB_RUNTIME_IMPORT] }],
    },
  },
  {
    // Observability is used by every module, so it imports none of them (the queues log through it).
    files: ['src/observability/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(queues|delivery|normalize|intake|admin)/', message: 'Observability gets what it needs through interfaces it defines (queue-probe.ts).' },
            HUB_RUNTIME_IMPORT,
          ],
        },
      ],
    },
  },
);
