// Lint: typescript-eslint's recommended rules, plus the one architectural rule DESIGN.md
// asks for — a connector is plain and pure, so it may import only the SDK and the xAPI types.
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
              regex: '^\\.\\./\\.\\./src/(?!connector-sdk(/|$)|xapi/)',
              message: 'A connector imports only src/connector-sdk and src/xapi (DESIGN.md, "A connector").',
            },
            { regex: '^@nestjs/|^bullmq$|^ioredis$|^kysely$', message: 'A connector is plain: no Nest, Redis or database.' },
          ],
        },
      ],
    },
  },
);
