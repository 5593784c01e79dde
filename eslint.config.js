// Lint for drloop's TypeScript and scripts: typescript-eslint's recommended
// rules, with Prettier (.prettierrc.json) owning the layout.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'actions/*/dist/', 'cli/dist/', 'bench/.build/', 'coverage/', 'test/fixtures/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // `_`-prefixed parameters and rest siblings are deliberately unused. Warnings, not errors:
      // they point at dead code to remove, never at a wrong result.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-useless-assignment': 'warn',
      // Errors rethrown as ConfigurationError carry the user's problem, not the parser's stack.
      'preserve-caught-error': 'warn',
      // Non-null assertions follow checks TypeScript cannot see (noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Bundled code uses zod/mini: zod's classic API cannot be tree-shaken and costs every action ~8 ms of
    // its cold start (README, figure 1). scripts/build.mjs also fails a bundle that holds it.
    files: ['src/**/*.ts', 'actions/**/*.ts', 'cli/**/*.ts', 'bench/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import * as z from 'zod/mini' (see the README's Dependencies)." }] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      // Tests poke at parsed JSON and library internals.
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests write numbers past double precision on purpose, to see how parsers take them.
      'no-loss-of-precision': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
