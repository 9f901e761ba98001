// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** The webview's import fence, here so test/unit/webview/fence.test.ts lints against the same rules. */
export const webviewRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'vscode', message: 'webview/ runs in the browser page: it talks to the extension only through the protocol (src/core/views/protocol.ts).' },
        ...builtinModules.map((name) => ({ name, message: 'webview/ runs in the browser page: no Node built-ins.' })),
      ],
      patterns: [
        { group: ['node:*'], message: 'webview/ runs in the browser page: no Node built-ins.' },
        {
          // Any path through a src/ folder except one module directly in src/core/views/.
          regex: '(^|/)src/(?!core/views/[^/.][^/]*$)',
          message: 'webview/ may import from src/ only the protocol and view models in src/core/views/ (see src/core/views/protocol.ts).',
        },
        { group: ['lit/directives/unsafe-*'], message: 'User text is rendered as text with lit bindings, never as HTML or SVG markup.' },
      ],
    },
  ],
  // A dynamic import() would pass by no-restricted-imports; the bundle needs none.
  'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'webview/ is one static bundle: no dynamic import().' }],
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'media/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The core runs in Node, the browser and the extension host: it must not reach for vscode or Node built-ins.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core never imports vscode; put editor code in an adapter under src/.' }],
          patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'src/core has no Node built-ins: it also runs in the browser.' }],
        },
      ],
    },
  },
  {
    // The webview is an untrusted browser page: from the extension's source it may use only the
    // protocol and the view models (src/core/views/), which are pure; never vscode, Node, the
    // editor adapters or the commands. Lit's unsafe-* directives would render text as markup.
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: webviewRules,
  },
);
