/**
 * src/l10n/runtime.ts, which esbuild.mjs puts in every bundle for `@vscode/l10n`, against the real
 * package: the same text for the same bundle and arguments, in every call form the package takes;
 * and what it leaves out (a bundle from a URI or a path, the package's `fetch`) refused aloud.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as real from '@vscode/l10n';
import * as ours from '../../../src/l10n/runtime';
import { ROOT } from '../../fixtures';

type Call = (l: { t: (...a: never[]) => string }) => string;
const T = (l: { t: (...a: never[]) => string }): ((...a: unknown[]) => string) => l.t as unknown as (...a: unknown[]) => string;

const CALLS: [string, Call][] = [
  ['plain', (l) => T(l)('Session {0} planned.', 's-1')],
  ['two positional', (l) => T(l)('Task {0} added for the mentee (links {1}).', 't-3', 'a.ts#L2')],
  ['numbers and booleans', (l) => T(l)('{0} of {1}: {2}', 3, 7, true)],
  ['named', (l) => T(l)('Hello {name}, {count} left', { name: 'Ana', count: 2 })],
  ['missing argument kept', (l) => T(l)('Session {0} and {1}', 'only one')],
  ['no arguments, braces kept', (l) => T(l)('Literal {0} and {x}')],
  ['not in the bundle', (l) => T(l)('Nobody translated {0}.', 'this')],
  ['with a comment', (l) => T(l)({ message: 'Open {0}', args: ['file'], comment: ['a verb'] })],
  ['with a string comment', (l) => T(l)({ message: 'Open {0}', args: ['file'], comment: 'a verb' })],
  ['options without args', (l) => T(l)({ message: 'Saved.', comment: [] })],
  ['tagged template', (l) => {
    const name = 'Ben';
    const tag = l.t as unknown as (s: TemplateStringsArray, ...r: unknown[]) => string;
    return tag`Hello ${name}, you have ${3} tasks`;
  }],
  ['a translation with markup stays text', (l) => T(l)('Markup {0}', '<b>x</b>')],
];

describe('the l10n runtime in the bundles (src/l10n/runtime.ts) equals @vscode/l10n', () => {
  const german = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
  const bundles: [string, Record<string, unknown> | string][] = [
    ['the shipped German bundle', german],
    ['a bundle as JSON text, with comment keys and entries with comments', JSON.stringify({
      'Session {0} planned.': 'Sitzung {0} geplant.',
      'Open {0}/a verb': 'Öffne {0}',
      'Hello {name}, {count} left': 'Hallo {name}, noch {count}',
      'Hello {0}, you have {1} tasks': 'Hallo {0}, du hast {1} Aufgaben',
      'Saved.': { message: 'Gespeichert.', comment: ['done'] },
      'Markup {0}': '<i>{0}</i>',
      '{0} of {1}: {2}': '',
    })],
    ['an empty bundle', {}],
  ];
  for (const [name, bundle] of bundles) {
    it(`gives the package's text for ${name}`, () => {
      real.config({ contents: bundle as never });
      ours.config({ contents: bundle as never });
      for (const [what, call] of CALLS) assert.equal(call(ours), call(real), what);
    });
  }

  it('translates from the shipped bundle (a spot check that the comparison is not of two English fallbacks)', () => {
    ours.config({ contents: german });
    assert.equal(ours.t('Session {0} planned.', 's-1'), 'Sitzung s-1 geplant.');
  });

  it('refuses a bundle from a URI or a path, which it leaves out (no fetch in any bundle)', () => {
    assert.throws(() => ours.config({ uri: 'https://example.com/bundle.json' }), /as contents/);
    assert.throws(() => ours.config({ fsPath: '/tmp/bundle.json' }), /as contents/);
    assert.doesNotMatch(readFileSync(join(ROOT, 'src/l10n/runtime.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''), /\bfetch\s*\(|XMLHttpRequest|readFile/);
  });
});
