// Lint rules that keep the architecture honest: client and server depend on
// shared, never on each other, and shared depends on neither.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
})

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-artifacts/**', '.werkraum-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['client/**/*.{ts,tsx}'], rules: forbid(['@werkraum/server', '**/server/**'], 'The client depends on shared only, never on the server.') },
  { files: ['server/**/*.ts'], rules: forbid(['@werkraum/client', '**/client/src/**'], 'The server depends on shared only, never on the client.') },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(['@werkraum/client', '@werkraum/server', '**/client/**', '**/server/**', 'node:*'], 'shared/ is used by both sides and depends on neither.'),
  },
)
