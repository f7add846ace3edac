// Lint: typescript-eslint's recommended rules, plus the architectural rules DESIGN.md asks for — a
// connector is plain and pure (only the SDK and the xAPI types), and the arrows point one way.
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./src/(?!connector-sdk/|xapi/)',
              message: 'A connector imports only src/connector-sdk and src/xapi (DESIGN.md, "A connector").',
            },
            { regex: '^@nestjs/|^bullmq$|^ioredis$|^kysely$', message: 'A connector is plain: no Nest, Redis or database.' },
          ],
        },
      ],
    },
  },
  {
    // Delivery sees typed answers, never an HTTP error of our own (issue #11).
    files: ['src/delivery/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./http/', message: 'Delivery decides on typed answers (batch-answer.ts), not on HttpProblem.' }] }],
    },
  },
  {
    // Observability is used by every module, so it imports none of them (the queues log through it).
    files: ['src/observability/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(queues|delivery|normalize|intake|admin)/', message: 'Observability gets what it needs through interfaces it defines (queue-probe.ts).' }] },
      ],
    },
  },
);
