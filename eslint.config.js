import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'storybook-static',
      'coverage',
      'custom-elements.json',
      '.tmp',
      'demo/frameworks/*/dist',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.node-test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
