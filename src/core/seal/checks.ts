/**
 * Checks of sealing: malformed keys and armor are errors at their line; plain text in a
 * confidential field while the pair has keys is a warning (it is readable by anyone who can
 * read the repository, and git history keeps it even once sealed). Pure and synchronous: the
 * armor's shape is checked, nothing is decrypted, so these run without any key.
 */
import type { Finding } from '../checks';
import type { MentoringFile } from '../schema';
import { closest } from '../closeness';
import { inspectArmor, sealedText } from './armor';
import { describeField, describeReaders, expandFieldNames, FIELD_NAMES, FIELDS, fieldValues, policyOf } from './fields';
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
        message: `\`agreement.${role}.key\` is not a usable age public key: ${r.message}${r.column ? ` (column ${r.column} of the key)` : ''}.`,
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
        message: `The key of recipient "${rec.name}" is not a usable age public key: ${r.message}${r.column ? ` (column ${r.column} of the key)` : ''}.`,
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
      message: `The ${role} has no key yet, so sealed fields are readable by ${describeReaders(policy.pair)} only: the ${role} adds theirs with \`mentoring key add --role ${role} PUBLIC_KEY\`, then someone who can read runs \`mentoring reseal\`.`,
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
          message: `${capitalize(describeField(model, fv.path))} is sealed, but ${info.message} (line ${info.line}, column ${info.column} of the sealed block).`,
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
      message: `${capitalize(describeField(model, fv.path))} is plain text, though ${FIELDS[fv.field]} are confidential: anyone who can read the repository can read it. Seal it (\`mentoring reseal\`, or the quick fix) so only ${describeReaders(policy.readers(fv.field))} can; git history still holds this text (see docs/confidentiality.md).`,
      path: fv.path,
      data: { field: fv.field },
    });
  }
  if (plainOver > 0) {
    out.push({
      severity: 'warning',
      code: 'not-sealed',
      message: `${plainOver} more confidential field${plainOver === 1 ? ' is' : 's are'} plain text: \`mentoring reseal\` seals them all.`,
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
      message: `\`${u.name}\` is not a field that can be sealed, so it seals nothing${near ? ` (did you mean \`${near}\`?)` : ''}. Known: ${FIELD_NAMES.join(', ')}.`,
      path: [...path, u.index],
      data: { value: u.name, ...(near ? { closest: near } : {}) },
    });
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
