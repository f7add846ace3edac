/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload: node runs it before any TypeScript can load */
// Lets a child process started by a test run the TypeScript sources directly (no build step):
// `node -r ./test/support/swc-register.js file.ts`, compiled by swc as jest compiles them.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
