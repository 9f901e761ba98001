import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandId, SIDEBAR_VIEW_ID } from '../../src/commands/ids';
import { ThreadCommand } from '../../src/commands/ids';
import { ROOT as ROOT_DIR } from '../fixtures';
import { MENTORING_PATTERNS, isMentoringPath } from '../../src/core/files';

const root = ROOT_DIR;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('extension manifest (package.json contributes)', () => {
  const contributed: { command: string; title: string; category: string }[] = pkg.contributes.commands;

  it('contributes exactly the commands in CommandId, each titled, in category Mentoring', () => {
    assert.deepEqual(contributed.map((c) => c.command).sort(), [...Object.values(CommandId), ...Object.values(ThreadCommand)].sort());
    for (const c of contributed) {
      assert.equal(c.category, 'Mentoring', c.command);
      assert.ok(c.title.length > 5, c.command);
    }
  });

  it('puts view-title buttons only on the sidebar view and only for contributed commands', () => {
    const ids = new Set(contributed.map((c) => c.command));
    for (const item of pkg.contributes.menus['view/title']) {
      assert.ok(ids.has(item.command), item.command);
      assert.match(item.when, new RegExp(`view == ${SIDEBAR_VIEW_ID.replace('.', '\\.')}`));
    }
    assert.ok(pkg.contributes.views.mentoring.some((v: { id: string }) => v.id === SIDEBAR_VIEW_ID));
  });

  it('activates on both mentoring file forms and runs in untrusted, virtual and web workspaces', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/.mentoring.yaml'));
    assert.ok(pkg.activationEvents.includes('workspaceContains:.mentoring/*.yaml'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    assert.equal(pkg.browser, './dist/web/extension.js');
  });

  it('contributes the generated JSON schema for both file name forms', () => {
    const [validation] = pkg.contributes.yamlValidation;
    assert.equal(validation.url, './media/mentoring.schema.json');
    assert.ok(validation.fileMatch.includes('**/.mentoring.yaml'));
    assert.ok(validation.fileMatch.includes('**/.mentoring/*.yaml'));
    assert.ok(existsSync(join(root, 'media', 'mentoring.schema.json')));
  });

  it('ships a schema ready for SchemaStore: an $id, a title and a description', () => {
    const schema = JSON.parse(readFileSync(join(root, 'media', 'mentoring.schema.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(schema.$id, 'https://mentoring.dev/mentoring.schema.json');
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(typeof schema.title, 'string');
    assert.equal(typeof schema.description, 'string');
  });

  // One rule (src/core/files.ts): a `.mentoring/pair.yml` activates the extension and gets the schema
  // like any other mentoring file, and the manifest names nothing the rule does not accept.
  describe('follows the one rule of what a mentoring file is', () => {
    /** `**\/x` also matches `x` at the folder itself: compare globs without that prefix. */
    const bare = (glob: string): string => glob.replace(/^\*\*\//, '');
    const rule = new Set(MENTORING_PATTERNS.map(bare));
    /** A path each glob stands for (its `*` as a name): the rule must accept it. */
    const example = (glob: string): string => `/w/${bare(glob).replace('*', 'pair')}`;

    it('activates on every form of the rule, .yml included, and on nothing else', () => {
      const globs: string[] = pkg.activationEvents.filter((e: string) => e.startsWith('workspaceContains:')).map((e: string) => e.slice('workspaceContains:'.length));
      for (const p of MENTORING_PATTERNS) assert.ok(globs.includes(p), `activationEvents lacks workspaceContains:${p}`);
      assert.deepEqual(new Set(globs.map(bare)), rule);
      for (const g of globs) assert.ok(isMentoringPath(example(g)), g);
    });

    it('gives the schema to every form of the rule, .yml included, and to nothing else', () => {
      const [validation] = pkg.contributes.yamlValidation;
      const globs: string[] = validation.fileMatch;
      for (const p of MENTORING_PATTERNS) assert.ok(globs.includes(p), `yamlValidation.fileMatch lacks ${p}`);
      assert.deepEqual(new Set(globs.map(bare)), rule);
      for (const g of globs) assert.ok(isMentoringPath(example(g)), g);
    });
  });

  it('describes every setting', () => {
    const props: Record<string, { description?: string; markdownDescription?: string }> = pkg.contributes.configuration.properties;
    for (const key of ['mentoring.role', 'mentoring.reminderLeadTime', 'mentoring.privateNotes.folder']) assert.ok(props[key], key);
    for (const [key, p] of Object.entries(props)) assert.ok((p.description ?? p.markdownDescription ?? '').length > 30, key);
  });

  it('has a walkthrough whose steps point at existing media and real commands', () => {
    const ids = new Set(contributed.map((c) => c.command));
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 3);
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(root, step.media.markdown)), step.media.markdown);
      for (const m of step.description.matchAll(/command:([\w.]+)/g)) assert.ok(ids.has(m[1]), m[1]);
    }
  });
});
