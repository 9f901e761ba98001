/**
 * Property tests: random sequences of edit operations on random valid files keep every comment
 * and unknown key, keep the file's line endings and BOM, and always give a file that parses
 * with no errors. Operations that refuse leave the text as it was.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as edit from '../../../../src/core/edit/index';
import type { EditContext, EditResult } from '../../../../src/core/edit/index';
import { parse } from '../../../../src/core/parse/index';

const NOW = new Date('2026-11-25T09:00:00Z');

/** User text: plain words, or anything (written as a JSON string, which is valid YAML). */
const userText = fc.oneof(
  fc.constantFrom('Reading code', 'Tests first', 'Pairing', 'Naming things'),
  fc.string({ minLength: 1, maxLength: 24, unit: fc.constantFrom(...'ab #:-"\'{}[],&*!|>%@`\\ü😀\t'.split('')) }),
);
/** Text that is not blank (the schema wants titles). */
const title = userText.filter((s) => s.trim() !== '');

const sessionArb = fc.record({
  topic: fc.option(userText, { nil: undefined }),
  held: fc.boolean(),
  agenda: fc.array(userText, { maxLength: 3 }),
  agendaFlow: fc.boolean(),
  feedback: fc.boolean(),
});

const taskArb = fc.record({
  title,
  owner: fc.constantFrom('mentor', 'mentee'),
  status: fc.constantFrom('open', 'done', 'dropped'),
  links: fc.array(fc.constantFrom('src/a.ts#L1', 'docs/b c.md', 'x.ts#L2-L9'), { maxLength: 2 }),
  linksFlow: fc.boolean(),
  due: fc.boolean(),
});

const fileArb = fc.record({
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  compactSeqs: fc.boolean(),
  goals: fc.array(title, { maxLength: 2 }),
  sessions: fc.array(sessionArb, { maxLength: 3 }),
  tasks: fc.array(taskArb, { maxLength: 3 }),
  /** Which of the comment and unknown-key slots get one. */
  slots: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
});

type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** Render a spec; returns the text and every marker (comment or unknown key) it holds. */
function render(spec: FileSpec): { text: string; markers: string[] } {
  let slot = 0;
  const markers: string[] = [];
  const take = (): number | undefined => {
    const i = slot++;
    return spec.slots[i % spec.slots.length] ? i : undefined;
  };
  /** A trailing comment, aligned with spaces, or nothing. */
  const tc = (): string => {
    const i = take();
    if (i === undefined) return '';
    markers.push(`# c${i}`);
    return `${' '.repeat(1 + (i % 5))}# c${i}`;
  };
  const L: string[] = [];
  /** A whole comment line, or nothing. */
  const cl = (indent: string): void => {
    const i = take();
    if (i === undefined) return;
    markers.push(`# c${i}`);
    L.push(`${indent}# c${i}`);
  };
  /** An unknown key, or nothing. */
  const uk = (indent: string): void => {
    const i = take();
    if (i === undefined) return;
    markers.push(`x-u${i}: v${i}`);
    L.push(`${indent}x-u${i}: v${i}`);
  };
  const q = (s: string): string => JSON.stringify(s);
  const d = spec.compactSeqs ? '' : '  ';

  cl('');
  L.push(`version: 1${tc()}`);
  L.push('agreement:');
  L.push(`  mentor: { name: Ana${spec.slots[0] ? ', handle: ana' : ''} }${tc()}`);
  L.push(`  mentee:${tc()}`);
  L.push(`    name: "Ben"${tc()}`);
  L.push(`  started: 2026-09-01${tc()}`);
  uk('  ');
  if (spec.goals.length === 0) {
    L.push(`  goals: []${tc()}`);
  } else {
    L.push(`  goals:${tc()}`);
    spec.goals.forEach((g, i) => {
      cl(`  ${d}`);
      L.push(`  ${d}- id: g${i}${tc()}`);
      L.push(`  ${d}  title: ${q(g)}`);
      L.push(`  ${d}  by: 2027-02-0${i + 1}${tc()}`);
      uk(`  ${d}  `);
    });
  }
  L.push('  expectations:');
  L.push(`    cancellationNotice: 24h${tc()}`);
  L.push(`    topicNotice: 48h${tc()}`);
  uk('    ');
  L.push('');
  cl('');
  if (spec.sessions.length === 0) L.push(`sessions: []${tc()}`);
  else L.push(`sessions:${tc()}`);
  spec.sessions.forEach((s, i) => {
    const day = String(10 + i * 3);
    cl(`${d}`);
    L.push(`${d}- id: 2026-11-${day}${tc()}`);
    L.push(`${d}  at: 2026-11-${day}T15:00:00+01:00`);
    if (s.topic !== undefined) {
      L.push(`${d}  topic: ${q(s.topic)}${tc()}`);
      L.push(`${d}  announced: 2026-11-0${i + 1}T09:00:00+01:00`);
    }
    L.push(`${d}  status: ${s.held ? 'held' : 'planned'}${tc()}`);
    // No comments on agenda items: removing an item may remove its comment, by design.
    if (s.agendaFlow || s.agenda.length === 0) L.push(`${d}  agenda: [${s.agenda.map(q).join(', ')}]`);
    else {
      L.push(`${d}  agenda:`);
      for (const a of s.agenda) L.push(`${d}  ${d}- ${q(a)}`);
    }
    uk(`${d}  `);
    if (s.feedback) {
      L.push(`${d}  feedback:`);
      L.push(`${d}  ${d}- from: mentee${tc()}`);
      L.push(`${d}  ${d}  rating: 4`);
    }
    if (i < spec.sessions.length - 1 && spec.slots[i + 1]) L.push('');
  });
  L.push('');
  if (spec.tasks.length === 0) L.push(`tasks: []${tc()}`);
  else L.push(`tasks:${tc()}`);
  spec.tasks.forEach((t, i) => {
    cl(`${d}`);
    L.push(`${d}- id: t-000${i}${tc()}`);
    L.push(`${d}  title: ${q(t.title)}`);
    L.push(`${d}  owner: ${t.owner}${tc()}`);
    if (t.due) L.push(`${d}  due: 2026-12-0${i + 1}`);
    L.push(`${d}  status: ${t.status}${tc()}`);
    if (t.linksFlow || t.links.length === 0) L.push(`${d}  links: [${t.links.map(q).join(', ')}]`);
    else {
      L.push(`${d}  links:`);
      for (const l of t.links) L.push(`${d}  ${d}- ${l}`);
    }
    uk(`${d}  `);
  });
  cl('');
  const eol = spec.crlf ? '\r\n' : '\n';
  let text = L.join(eol) + (spec.finalNewline ? eol : '');
  if (spec.bom) text = '\uFEFF' + text;
  return { text, markers };
}

/** An operation with its arguments chosen by index into whatever the file holds right now. */
type Op = { kind: string; pick: number; pick2: number; text: string; flag: boolean };

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(
    'planSession',
    'startSession',
    'endSession',
    'cancelSession',
    'announceTopic',
    'addFeedback',
    'addTask',
    'completeTask',
    'dropTask',
    'reopenTask',
    'setTaskDue',
    'editTask',
    'addGoal',
    'setGoalBy',
    'addAgendaItem',
    'editAgendaItem',
    'moveAgendaItem',
    'removeAgendaItem',
  ),
  pick: fc.nat(20),
  pick2: fc.nat(20),
  text: userText,
  flag: fc.boolean(),
});

function apply(text: string, op: Op, ctx: EditContext): EditResult {
  const model = parse(text, { now: NOW, checks: false }).model;
  assert.ok(model, 'the file parses before each operation');
  const sessions = model.sessions;
  const session = sessions[op.pick % Math.max(1, sessions.length)]?.id ?? 'none';
  const agendaLen = sessions.find((s) => s.id === session)?.agenda.length ?? 0;
  const task = model.tasks[op.pick % Math.max(1, model.tasks.length)]?.id ?? 't-none';
  const goal = model.agreement.goals[op.pick % Math.max(1, model.agreement.goals.length)]?.id ?? 'none';
  const idx = op.pick2 % Math.max(1, agendaLen);
  const day = String(1 + (op.pick % 28)).padStart(2, '0');
  switch (op.kind) {
    case 'planSession':
      return edit.planSession(text, { at: `2026-12-${day}T15:00:00+01:00`, ...(op.flag ? { topic: op.text } : {}), agenda: op.flag ? [] : [op.text] }, ctx);
    case 'startSession':
      return edit.startSession(text, { session: session }, ctx);
    case 'endSession':
      return edit.endSession(text, { session: session, ...(op.flag ? { feedback: { from: 'mentor', change: op.text } } : {}) }, ctx);
    case 'cancelSession':
      return edit.cancelSession(text, { session: session, by: op.flag ? 'mentor' : 'mentee', reason: op.text }, ctx);
    case 'announceTopic':
      return edit.announceTopic(text, { session: session, topic: op.text }, ctx);
    case 'addFeedback':
      return edit.addFeedback(text, { session, from: 'mentee', rating: 1 + (op.pick2 % 5), valuable: op.text }, ctx);
    case 'addTask':
      return edit.addTask(text, { title: op.text, ...(op.flag ? { due: `2026-12-${day}`, links: [op.text] } : {}) }, ctx);
    case 'completeTask':
      return edit.completeTask(text, { task: task }, ctx);
    case 'dropTask':
      return edit.dropTask(text, { task: task, reason: op.text }, ctx);
    case 'reopenTask':
      return edit.reopenTask(text, { task: task }, ctx);
    case 'setTaskDue':
      return edit.setTaskDue(text, { task: task, due: `2027-01-${day}` }, ctx);
    case 'editTask':
      return edit.editTask(text, { task: task, title: op.text }, ctx);
    case 'addGoal':
      return edit.addGoal(text, { title: op.text, by: '2027-03-01', ...(op.flag ? { why: op.text } : {}) }, ctx);
    case 'setGoalBy':
      return edit.setGoalBy(text, { goal: goal, by: `2027-01-${day}` }, ctx);
    case 'addAgendaItem':
      return edit.addAgendaItem(text, { session, text: op.text }, ctx);
    case 'editAgendaItem':
      return edit.editAgendaItem(text, { session, index: idx, text: op.text }, ctx);
    case 'moveAgendaItem':
      return edit.moveAgendaItem(text, { session, from: idx, to: op.pick % Math.max(1, agendaLen) }, ctx);
    case 'removeAgendaItem':
      return edit.removeAgendaItem(text, { session, index: idx }, ctx);
    default:
      throw new Error(`unknown op ${op.kind}`);
  }
}

function errorsOf(text: string): string[] {
  return parse(text, { now: NOW })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);
}

describe('edit operations (property)', function () {
  // Hundreds of random files, each edited several times (three parses per edit).
  this.timeout(120_000);

  it('random files are valid to begin with', () => {
    fc.assert(
      fc.property(fileArb, (spec) => {
        const { text } = render(spec);
        assert.deepEqual(errorsOf(text), [], text);
      }),
      { numRuns: 200 },
    );
  });

  it('random operation sequences keep comments, unknown keys, line endings and validity', () => {
    let applied = 0;
    fc.assert(
      fc.property(fileArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), fc.nat(), (spec, ops, seed) => {
        const { text: original, markers } = render(spec);
        let state = seed;
        const ctx: EditContext = {
          now: NOW,
          utcOffsetMinutes: 60,
          // A deterministic LCG so failures replay exactly.
          random: () => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648;
          },
        };
        let text = original;
        for (const op of ops) {
          const r = apply(text, op, ctx);
          if (!r.ok) {
            assert.ok(r.message.length > 0);
            continue;
          }
          applied++;
          const next = r.text;
          assert.deepEqual(errorsOf(next), [], `after ${op.kind}:\n${next}`);
          for (const m of markers) assert.ok(next.includes(m), `${op.kind} lost ${JSON.stringify(m)}:\n${next}`);
          assert.equal(next.startsWith('\uFEFF'), spec.bom, 'BOM kept');
          if (spec.crlf) assert.ok(!/[^\r]\n/.test(next), `${op.kind} wrote a bare LF into a CRLF file`);
          else assert.ok(!next.includes('\r'), `${op.kind} wrote a CR into an LF file`);
          assert.equal(/\n$/.test(next), spec.finalNewline || /\n$/.test(text), 'final newline kept as it was');
          text = next;
        }
      }),
      { numRuns: 200 },
    );
    assert.ok(applied > 200, `only ${applied} operations succeeded; the generator picks too many invalid ones`);
  });
});
