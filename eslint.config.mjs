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
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'media/', 'demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Type-aware rules on every TypeScript file (each finds its own tsconfig: the root one, or
  // webview/tsconfig.json): floating and misused promises, unsafe any, needless assertions.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    // An async function without await is how an interface that returns a promise is met
    // (the scripted Ui of the tests, the CLI's commands); the promise rules above are what count.
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Tests read untyped JSON (CLI output, webview messages, workbench state): `any` is their
    // material. The promise rules stay on for them.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
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
