// Lint enforces which process a file runs in: shared/ is pure, renderer/ never reaches
// electron or node, electron/ never imports the renderer; and a renderer feature reaches
// another only through its index.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'stream',
  'events',
  'util',
  'worker_threads',
];
const restrict = (patterns, message, extra = []) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...patterns.map((group) => ({ group: [group], message })), ...extra] },
  ],
});

const rendererOnly = [
  ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**'],
  'renderer/ talks to main only through window.deck',
];
// A feature uses another only through its index.ts; what several features share lives in
// components/ (UI) or lib/. `depth` is how many `../` lead from the file to features/.
const featureBoundary = (depth) => ({
  regex: `^(\\.\\./){${depth}}[^./][^/]*/(?!index$)`,
  message:
    'Import another feature through its index.ts; move code several features share to components/ or lib/',
});
const FEATURE_DEPTHS = [1, 2, 3];

// Every screen is worded through the catalogs (renderer/src/i18n): raw text in JSX is refused.
const TRANSLATED = ['renderer/src/**/*.tsx'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [
          'electron',
          'electron/*',
          ...nodeBuiltins,
          '**/renderer/**',
          '**/electron/**',
          'react',
          'react-dom',
        ],
        'shared/ is pure: no electron, node, DOM or app code',
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(...rendererOnly),
    },
  },
  ...FEATURE_DEPTHS.map((depth) => ({
    files: [`renderer/src/features/*/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: restrict(...rendererOnly, [featureBoundary(depth)]),
  })),
  {
    files: TRANSLATED,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          // Text and the attributes a user reads or hears; data values are expressions.
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label'],
          },
          // The product's name is not translated.
          words: { exclude: ['BrowserDeck', '[0-9!-/:-@[-`{-~·…—–•×\\s]+'] },
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['**/renderer/**', 'react', 'react-dom'],
      'electron/ never imports the renderer',
    ),
  },
  {
    files: ['tests/**/*.{ts,mjs}', '*.config.*', 'eslint.config.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['build/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
