/** `mentoring agreement accept|status`: agree, and agree again, on real files through the bundled CLI. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './run';

const FILE = `# our agreement
version: 1
agreement:
  mentor: { name: Ana }
  mentee: { name: Ben }
  started: 2026-09-01
  goals:
    - { id: g1, title: Read the retry loop, by: 2026-12-01 }
  expectations:
    cadence: weekly   # Thursdays
`;

describe('mentoring agreement (process)', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  const read = (): string => readFileSync(file, 'utf8');
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentoring-agreement-'));
    file = join(dir, '.mentoring.yaml');
    writeFileSync(file, FILE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('status before anyone accepted, then both accept: dates written, comments kept', async () => {
    let r = await cli(dir, ['agreement', 'status'], {});
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'Not accepted yet: each side accepts it with `mentoring agreement accept --role mentor|mentee`.\n  mentor: not accepted yet\n  mentee: not accepted yet\n');

    r = await cli(dir, ['agreement', 'accept', '--role', 'mentor', '--date', '2026-11-02'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^The mentor accepted the agreement\. {2}\(\.mentoring\.yaml\)\nAccepted by the mentor on 2026-11-02; not yet accepted by the mentee \(`mentoring agreement accept/);
    assert.match(read(), /started: 2026-09-01\n {2}accepted:\n {4}mentor: 2026-11-02\n {4}terms:\n {6}goals\.g1: [0-9a-f]{16}\n {6}expectations\.cadence: [0-9a-f]{16}\n {6}confidential: [0-9a-f]{16}\n {2}goals:/);
    assert.match(read(), /cadence: weekly {3}# Thursdays/);

    r = await cli(dir, ['agreement', 'accept', '--role', 'mentee', '.mentoring.yaml'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Both have accepted the agreement as it is now\./);
    assert.match(read(), /mentee: 2026-11-20\n/, 'today (MENTORING_NOW)');
    r = await cli(dir, ['agreement', 'status', '.mentoring.yaml'], {});
    assert.equal(r.out, 'Accepted by both, as the agreement is now.\n  mentor: accepted on 2026-11-02\n  mentee: accepted on 2026-11-20\n');
    const check = await cli(dir, ['check'], {});
    assert.equal(check.code, 0, check.out + check.err);
    assert.doesNotMatch(check.out, /agreement-/);
  });

  it('a change after both accepted: check and status say what changed; each side accepts again', async () => {
    await cli(dir, ['agreement', 'accept', '--role', 'mentor', '--date', '2026-11-02'], {});
    await cli(dir, ['agreement', 'accept', '--role', 'mentee', '--date', '2026-11-03'], {});
    writeFileSync(file, read().replace('cadence: weekly', 'cadence: biweekly').replace('  goals:\n', '  goals:\n    - { id: g2, title: "Ship it\\u001b[31m", by: 2026-12-15 }\n'));

    const check = await cli(dir, ['check'], {});
    assert.equal(check.code, 0, 'a warning, not an error');
    assert.match(check.out, /\.mentoring\.yaml:3:1: warning: The agreement changed since you both accepted it: goal g2 added \("Ship it\\u001b\[31m"\), expectations\.cadence changed\. Accept it again \(Mentoring: Accept the Agreement\)\. \[agreement-changed\]/);
    assert.ok(!check.out.includes(String.fromCharCode(27)), 'no ESC reaches the terminal');

    let r = await cli(dir, ['agreement', 'status'], {});
    assert.match(r.out, /^The agreement changed since you both accepted it: goal g2 added/);
    assert.match(r.out, /\n {2}mentor: accepted on 2026-11-02, an earlier version; changed since: goal g2 added .*expectations\.cadence changed\n/);

    r = await cli(dir, ['agreement', 'accept', '--role', 'mentee'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /What changed since the mentee last accepted it \(2026-11-03\): goal g2 added \("Ship it\\u001b\[31m"\), expectations\.cadence changed\./);
    assert.match(r.out, /The mentee accepted the new terms on 2026-11-20; the mentor has not yet/);
    assert.match(read(), /pending:\n {6}mentor:\n {8}goals\.g2: none\n {8}expectations\.cadence: [0-9a-f]{16}\n/);

    r = await cli(dir, ['agreement', 'accept', '--role', 'mentor'], {});
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Both have accepted the agreement as it is now\./);
    assert.doesNotMatch(read(), /pending/);
  });

  it('refuses a wrong command line, a bad date and a broken file, writing nothing', async () => {
    let r = await cli(dir, ['agreement', 'accept'], {});
    assert.equal(r.code, 2);
    assert.match(r.err, /--role mentor\|mentee is required/);
    r = await cli(dir, ['agreement', 'accept', '--role', 'boss'], {});
    assert.equal(r.code, 2);
    r = await cli(dir, ['agreement', 'sign'], {});
    assert.equal(r.code, 2);
    r = await cli(dir, ['agreement', 'accept', '--role', 'mentor', '--date', '2026-02-30'], {});
    assert.equal(r.code, 1);
    assert.match(r.err, /The date of acceptance "2026-02-30" is not valid/);
    assert.equal(read(), FILE);
    const broken = FILE.replace('started: 2026-09-01', 'started: 2026-09-01\n  accepted: { mentor: someday }');
    writeFileSync(file, broken);
    r = await cli(dir, ['agreement', 'accept', '--role', 'mentor'], {});
    assert.equal(r.code, 1);
    assert.match(r.err, /\.mentoring\.yaml:7:23: error: `agreement\.accepted\.mentor`: expected a date/);
    assert.equal(read(), broken);
  });
});
