import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'url',
  'util',
  'stream',
  'net',
];
const builtinPatterns = nodeBuiltins.map((name) => ({
  group: [name, `${name}/*`],
  message: 'No Node built-ins here.',
}));

// The three layers of architecture.md, enforced on every import (tests/layers.test.ts checks the same
// rules over the whole tree and shows that a forbidden import is caught).
export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'coverage/', 'tests/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...builtinPatterns,
            {
              group: ['electron', '**/electron/**'],
              message: 'The renderer never imports electron/ or Electron.',
            },
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
          patterns: [
            ...builtinPatterns,
            {
              group: ['electron', '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ is pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'Only electron/main.ts and electron/preload.ts import Electron.',
            },
            { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
