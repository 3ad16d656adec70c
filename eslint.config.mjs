// Lint rules, including the boundaries of STYLE.md: the renderer imports no Node or Electron module,
// the backend imports no `electron`, and shared/ stays pure.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = {
  name: 'electron',
  message:
    'The backend must not know it runs in Electron: keep electron imports in electron/main and electron/preload.',
};
const nodeAndElectron = [
  { name: 'electron', message: 'The renderer talks to the backend only through window.api.' },
  { name: 'better-sqlite3', message: 'The renderer talks to the backend only through window.api.' },
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'No Node modules in the renderer or shared/: they run in the page.',
  })),
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'renderer/out-*/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeAndElectron,
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer reaches the backend only through window.api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeAndElectron,
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ is pure.' }],
        },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'The backend stands alone.' },
          ],
        },
      ],
    },
  },
);
