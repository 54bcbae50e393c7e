import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.renderer.json', './tsconfig.electron.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs', '.ci/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    // After the spread, which brings a languageOptions of its own.
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  // Import direction (DESIGN.md): shared imports nothing platform-specific; renderer only shared;
  // electron/engine never imports electron.
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http'], message: 'shared/ is platform-free' },
        { group: ['electron', 'dockerode', 'react', 'react-dom'], message: 'shared/ is platform-free' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the sides' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http'],
          message: 'renderer has browser globals only',
        },
        { group: ['electron', 'dockerode'], message: 'renderer talks to main only through the contract client' },
        { group: ['**/electron/**'], message: 'renderer imports shared/ only' },
      ]),
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'electron/engine is plain Node: it runs in the browser-mode server too' },
        { group: ['**/renderer/**'], message: 'the engine layer does not import the renderer' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/engine/**', 'electron/engine-*/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['dockerode'], message: 'only electron/engine imports dockerode' },
        { group: ['**/renderer/**'], message: 'main does not import the renderer' },
      ]),
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
