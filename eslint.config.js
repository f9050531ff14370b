// Flat config (https://eslint.org/docs/latest/use/configure/configuration-files).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      'bench-output',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'tests/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Issue 14: a spread into call arguments puts every item on the stack, and V8 overflows past
    // ~100,000 of them; over input-sized arrays use src/lib/arrays.ts (appendAll, maxOf).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift|max|min)$/] > SpreadElement',
          message:
            'Spread arguments overflow the stack on large arrays: use appendAll / maxOf (src/lib/arrays.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright scripts run functions inside the page (page.evaluate), where browser globals exist.
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Dependency direction (docs/architecture.md): core is pure TypeScript that runs in Node.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react-*',
                '**/features/**',
                '**/ui/**',
                '**/app/**',
                '**/workers/**',
              ],
              message: 'core/ is pure TypeScript; the UI depends on it, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/providers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '**/features/**', '**/ui/**', '**/app/**', '**/cassette/**'],
              message: 'An adapter sees only an HttpExchange; it never imports core/cassette or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // ui/ and lib/ are shared by the features; they never reach back into them or into app/.
    files: ['src/ui/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/**'],
              message: 'ui/ and lib/ serve the features and app/; they never import them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Each feature folder (flat: src/features/<name>/*) stands alone. What two features share lives
    // in ui/ (React pieces) or lib/ (pure helpers); app/ composes the features.
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**'], message: 'Nothing imports app/: app composes the features.' },
            {
              // From src/features/<x>/file.ts, "../<y>/…" is always another feature.
              regex: '^\\.\\./(?!\\.\\./)|/features/',
              message: 'Features never import each other: move the shared piece to ui/ or lib/.',
            },
          ],
        },
      ],
    },
  },
);
