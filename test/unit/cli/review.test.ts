/** `mentoring review FILE...`: hints of review Markdown files at their line and column (the Action's second step). */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';

describe('mentoring review (process)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-review-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const text = [
    '---', 'title: This is stupid', '---', '# Review', '', 'This is wrong, just use a map.', '', '```js', 'this is wrong', '```', '',
    '<!-- This is garbage -->', 'What do you think of the backoff?', '',
  ].join('\n');

  it('prints each hint at its line and column, skipping front matter, code and HTML comments', async () => {
    writeFileSync(join(dir, 'a.review.md'), text);
    const r = await cli(dir, ['review', 'a.review.md'], {});
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trim().split('\n').map((l) => l.replace(/: warning: .*\[/, ' [')), ['a.review.md:6:1 [judgment-word]', 'a.review.md:6:16 [minimizer-just]']);
    assert.match(r.err, /1 review file read: 2 hints\./);
  });

  it('keeps the file\'s own ignore directive, and the team\'s disabled rules from --file', async () => {
    writeFileSync(join(dir, 'a.review.md'), `<!-- mentoring-hints-ignore minimizer-just -->\n${text}`);
    writeFileSync(join(dir, 'team.yaml'), 'version: 1\nagreement:\n  mentor: { name: A }\n  mentee: { name: B }\n  started: 2026-09-01\nhints:\n  disabledRules: [judgment-word]\n');
    const own = await cli(dir, ['review', 'a.review.md'], {});
    assert.doesNotMatch(own.out, /minimizer-just/);
    assert.match(own.out, /judgment-word/);
    const team = await cli(dir, ['review', '--file', 'team.yaml', 'a.review.md'], {});
    assert.equal(team.out, '', team.err);
  });

  it('gives GitHub annotations with the question as the fix, and JSON with ranges', async () => {
    writeFileSync(join(dir, 'a.review.md'), 'You should have added a test.\n');
    const gh = await cli(dir, ['review', '--format', 'github', 'a.review.md'], {});
    assert.match(gh.out, /^::warning file=a\.review\.md,line=1,col=1,endLine=1,endColumn=\d+,title=mentoring hint you-should-have::.*As a question: "Could we add a test for this\?"\n$/);
    const json = JSON.parse((await cli(dir, ['review', '--format', 'json', 'a.review.md'], {})).out) as { file: string; line: number; rule: string; rewrites: string[] }[];
    assert.equal(json[0]?.rule, 'you-should-have');
    assert.ok(json[0]?.rewrites.includes('Could we add a test for this?'));
  });

  it('refuses what is not a readable regular file without reading it, and goes on with the rest (exit 1)', async () => {
    writeFileSync(join(dir, 'a.review.md'), 'This is wrong.\n');
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const r = await cli(dir, ['review', 'pipe.md', 'missing.md', '/dev/zero', 'a.review.md'], {});
    assert.equal(r.code, 1);
    assert.match(r.err, /pipe\.md: not a regular file\./);
    assert.match(r.err, /missing\.md: no such file\./);
    assert.match(r.err, /\/dev\/zero: not a regular file\./);
    assert.match(r.out, /^a\.review\.md:1:/m);
  });

  it('says what is wrong with the command line (exit 2)', async () => {
    assert.equal((await cli(dir, ['review'], {})).code, 2);
    assert.match((await cli(dir, ['review', '--format', 'xml', 'a.md'], {})).err, /--format must be text, json or github/);
  });
});
