import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/sdk/src/generated/**', 'packages/server/src/generated/**', 'packages/elements/src/locales/generated/**', 'storybook-static/**', 'coverage/**', 'docs/sdk/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Rendering API data as HTML is how XSS gets in: the widgets render text only.
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Render API data as text (Lit templates), never innerHTML.' },
        { selector: "CallExpression[callee.name='unsafeHTML']", message: 'unsafeHTML is forbidden: API data is rendered as text.' },
      ],
    },
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts'],
    ...litA11y.configs.recommended,
  },
);
