/**
 * Sealing as the asynchronous step of the one edit runner (`../edit/runner.ts`): the operation
 * plans its changes with plain values, `sealOps` replaces each value at a confidential path by
 * its armor (sealed to that field's readers), and `finishEdit` splices and verifies as for any
 * edit. The plain text never reaches a text, let alone the disk.
 *
 * (`sealEdit` in write.ts does the same after a finished edit, for the wrappers that return an
 * EditResult; this is the cheaper path for callers holding an `Operation`.)
 */
import * as l10n from '@vscode/l10n';
import { finishEdit, prepareEdit, Refusal, type EditContext, type EditResult, type Operation } from '../edit/runner';
import type { YamlOp } from '../yaml/edit';
import { seal as sealText } from './age';
import { isSealed } from './armor';
import { fieldAt, policyOf, type SealPolicy } from './fields';
import type { Sealer } from './write';

type Path = (string | number)[];

/**
 * The ops with every plain value at a confidential path sealed. Values appended to a list are
 * placed at index 0 for the lookup: only the kind of place matters, not the index.
 */
export async function sealOps(ops: readonly YamlOp[], policy: SealPolicy, sealer: Sealer = sealText): Promise<{ ops: YamlOp[]; sealed: number }> {
  if (!policy.active) return { ops: [...ops], sealed: 0 };
  let sealed = 0;
  const walk = async (value: unknown, path: Path): Promise<unknown> => {
    const field = fieldAt(path);
    if (field !== undefined && policy.isConfidential(field)) {
      const plain = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
      if (plain === undefined || plain.trim() === '' || isSealed(plain)) return value;
      sealed++;
      return sealer(plain, policy.readers(field).map((r) => r.key));
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) out.push(await walk(value[i], [...path, i]));
      return out;
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = await walk(v, [...path, k]);
      return out;
    }
    return value;
  };
  const out: YamlOp[] = [];
  for (const op of ops) {
    if (op.op === 'set') out.push({ ...op, value: await walk(op.value, [...op.path]) });
    else if (op.op === 'append') out.push({ ...op, value: await walk(op.value, [...op.path, 0]) });
    else if (op.op === 'appendAll') {
      const values: unknown[] = [];
      for (const v of op.values) values.push(await walk(v, [...op.path, 0]));
      out.push({ ...op, values });
    } else out.push(op);
  }
  return { ops: out, sealed };
}

/**
 * `runEdit` with sealing between planning and writing: one parse, the operation's plan, its
 * confidential values sealed to the readers the agreement names, one splice and verification.
 */
export async function runSealedEdit(text: string, ctx: EditContext, operation: Operation, sealer: Sealer = sealText): Promise<EditResult & { sealed?: number }> {
  const prepared = prepareEdit(text, ctx);
  if (!prepared.ok) return prepared;
  const planned = operation(prepared.env);
  if (planned instanceof Refusal) return finishEdit(prepared, planned, ctx);
  let sealedOps: Awaited<ReturnType<typeof sealOps>>;
  try {
    sealedOps = await sealOps(planned.ops, policyOf(prepared.env.model.agreement), sealer);
  } catch (err) {
    return { ok: false, message: l10n.t('The change could not be sealed ({0}). Nothing was changed.', err instanceof Error ? err.message : String(err)) };
  }
  const result = finishEdit(prepared, { ...planned, ops: sealedOps.ops }, ctx);
  return result.ok ? { ...result, sealed: sealedOps.sealed } : result;
}
