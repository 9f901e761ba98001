/**
 * Checks of sealing: malformed keys and armor are errors at their line; plain text in a
 * confidential field while the pair has keys is a warning (it is readable by anyone who can
 * read the repository, and git history keeps it even once sealed). Pure and synchronous: the
 * armor's shape is checked, nothing is decrypted, so these run without any key. The messages are
 * in the user's language (`l10n.t`; the editor's Problems panel), English in the CLI; the quick
 * fixes read `code` and `data`, never the words.
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../checks';
import type { MentoringFile } from '../schema';
import { closest } from '../closeness';
import { inspectArmor, sealedText } from './armor';
import { describeField, describeReaders, expandFieldNames, FIELD_NAMES, fieldLabel, fieldValues, policyOf } from './fields';
import { parseRecipient } from './keys';

/** Plain-text findings listed before the rest are summed up in one (a long unsealed log is one decision). */
const MAX_PLAIN_FINDINGS = 50;

export function sealChecks(model: MentoringFile): Finding[] {
  const out: Finding[] = [];
  const a = model.agreement;
  for (const role of ['mentor', 'mentee'] as const) {
    const key = a[role].key;
    if (key === undefined) continue;
    const r = parseRecipient(key);
    if (!r.ok) {
      out.push({
        severity: 'error',
        code: 'bad-key',
        message: r.column
          ? l10n.t('`agreement.{0}.key` is not a usable age public key: {1} (column {2} of the key).', role, r.message, r.column)
          : l10n.t('`agreement.{0}.key` is not a usable age public key: {1}.', role, r.message),
        path: ['agreement', role, 'key'],
        data: { role },
      });
    }
  }
  (a.recipients ?? []).forEach((rec, i) => {
    const r = parseRecipient(rec.key);
    if (!r.ok) {
      out.push({
        severity: 'error',
        code: 'bad-key',
        message: r.column
          ? l10n.t('The key of recipient "{0}" is not a usable age public key: {1} (column {2} of the key).', rec.name, r.message, r.column)
          : l10n.t('The key of recipient "{0}" is not a usable age public key: {1}.', rec.name, r.message),
        path: ['agreement', 'recipients', i, 'key'],
      });
    }
    unknownNames(rec.fields ?? [], ['agreement', 'recipients', i, 'fields'], out);
  });
  if (a.confidential !== undefined) unknownNames(a.confidential, ['agreement', 'confidential'], out);

  const policy = policyOf(a);
  if (policy.active && policy.missing.length === 1) {
    const role = policy.missing[0] as 'mentor' | 'mentee';
    out.push({
      severity: 'info',
      code: 'key-missing',
      message: role === 'mentor'
        ? l10n.t('The mentor has no key yet, so sealed fields are readable by {0} only: the mentor adds theirs with `mentoring key add --role mentor PUBLIC_KEY`, then someone who can read runs `mentoring reseal`.', describeReaders(policy.pair))
        : l10n.t('The mentee has no key yet, so sealed fields are readable by {0} only: the mentee adds theirs with `mentoring key add --role mentee PUBLIC_KEY`, then someone who can read runs `mentoring reseal`.', describeReaders(policy.pair)),
      path: ['agreement', role],
      pointAtKey: true,
      data: { role },
    });
  }

  let plain = 0;
  let plainOver = 0;
  for (const fv of fieldValues(model)) {
    const armor = sealedText(fv.value);
    if (armor !== undefined) {
      const info = inspectArmor(armor);
      if (!info.ok) {
        out.push({
          severity: 'error',
          code: 'bad-armor',
          message: l10n.t('{0} is sealed, but {1} (line {2}, column {3} of the sealed block).', capitalize(describeField(model, fv.path)), info.message, info.line, info.column),
          path: fv.path,
          data: { armorLine: info.line, armorColumn: info.column },
        });
      }
      continue;
    }
    if (!policy.active || !policy.isConfidential(fv.field)) continue;
    if (typeof fv.value === 'string' && fv.value.trim() === '') continue;
    if (plain >= MAX_PLAIN_FINDINGS) {
      plainOver++;
      continue;
    }
    plain++;
    out.push({
      severity: 'warning',
      code: 'not-sealed',
      message: l10n.t(
        '{0} is plain text, though {1} are confidential: anyone who can read the repository can read it. Seal it (`mentoring reseal`, or the quick fix) so only {2} can; git history still holds this text (see docs/confidentiality.md).',
        capitalize(describeField(model, fv.path)), fieldLabel(fv.field), describeReaders(policy.readers(fv.field)),
      ),
      path: fv.path,
      data: { field: fv.field },
    });
  }
  if (plainOver > 0) {
    out.push({
      severity: 'warning',
      code: 'not-sealed',
      message: plainOver === 1
        ? l10n.t('{0} more confidential field is plain text: `mentoring reseal` seals them all.', plainOver)
        : l10n.t('{0} more confidential fields are plain text: `mentoring reseal` seals them all.', plainOver),
      path: ['agreement'],
      pointAtKey: true,
      data: { more: plainOver },
    });
  }
  return out;
}

function unknownNames(names: readonly string[], path: (string | number)[], out: Finding[]): void {
  for (const u of expandFieldNames(names).unknown) {
    const near = closest(u.name, FIELD_NAMES, 3);
    out.push({
      severity: 'warning',
      code: 'unknown-field',
      message: near
        ? l10n.t('`{0}` is not a field that can be sealed, so it seals nothing (did you mean `{1}`?). Known: {2}.', u.name, near, FIELD_NAMES.join(', '))
        : l10n.t('`{0}` is not a field that can be sealed, so it seals nothing. Known: {1}.', u.name, FIELD_NAMES.join(', ')),
      path: [...path, u.index],
      data: { value: u.name, ...(near ? { closest: near } : {}) },
    });
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
