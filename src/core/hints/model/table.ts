/**
 * The heated-tone model's weight table: one signed byte per hashed feature (./features.ts), times
 * `scale`, as base64 in ./weights.ts (written by scripts/train-hints-model.ts). Decoded on first
 * use and checked: a table of the wrong size or with a bad value is refused with a message that
 * says how to make a good one, never used half-read.
 */

export const MODEL_RULE_ID = 'heated-tone';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i;

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    out += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[c & 63]! : '=';
  }
  return out;
}

/** Bytes of a base64 string; undefined when it is not base64. */
export function fromBase64(s: string): Uint8Array | undefined {
  if (s.length % 4 !== 0) return undefined;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let v = 0;
    for (let j = 0; j < 4; j++) {
      const ch = s.charCodeAt(i + j);
      const isPad = ch === 61 && i + j >= s.length - pad;
      const c = isPad ? 0 : ch < 128 ? CODE[ch]! : -1;
      if (c < 0) return undefined;
      v = (v << 6) | c;
    }
    if (o < out.length) out[o++] = (v >> 16) & 255;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}

/** Weights as signed bytes: the largest magnitude becomes 127. */
export function encodeWeights(w: Float64Array, bias: number): { scale: number; bias: number; data: string } {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.round(w[i]! / scale) & 255;
  // Printed with enough digits that reading the module back gives the same doubles.
  return { scale: Number(scale.toPrecision(17)), bias: Number(bias.toPrecision(17)), data: toBase64(bytes) };
}

export interface RawTable {
  dims: number;
  scale: number;
  bias: number;
  threshold: number;
  gate: number;
  gateLength: number;
  minLength: number;
  weights: string;
}

export interface Model {
  dims: number;
  bias: number;
  /** The probability at which the model adds a hint to a comment the rules left alone. */
  threshold: number;
  /** In a comment of `gateLength` characters or more, the rules' hints stand at this probability or more (0: always). */
  gate: number;
  gateLength: number;
  /** The model adds no hint to a comment shorter than this (the writer's own words). */
  minLength: number;
  /** The weight of each feature index (already multiplied by the scale). */
  w: Float32Array;
}

/** The table checked and decoded; throws a message naming what is wrong. */
export function decodeTable(t: RawTable): Model {
  const fix = 'run `npm run train:hints` to write src/core/hints/model/weights.ts again';
  if (!Number.isInteger(t.dims) || t.dims < 2 || (t.dims & (t.dims - 1)) !== 0) throw new Error(`heated-tone model: dims ${t.dims} is not a power of two; ${fix}`);
  for (const [name, v] of [['scale', t.scale], ['bias', t.bias], ['threshold', t.threshold], ['gate', t.gate], ['gateLength', t.gateLength], ['minLength', t.minLength]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`heated-tone model: ${name} is not a finite number; ${fix}`);
  }
  if (!(t.scale > 0) || t.threshold < 0 || t.threshold > 1 || t.gate < 0 || t.gate > 1 || t.gateLength < 0 || t.minLength < 0) {
    throw new Error(`heated-tone model: scale must be > 0, threshold and gate in [0, 1], lengths >= 0; ${fix}`);
  }
  const bytes = fromBase64(t.weights);
  if (bytes === undefined) throw new Error(`heated-tone model: the weights are not base64; ${fix}`);
  if (bytes.length !== t.dims) throw new Error(`heated-tone model: ${bytes.length} weights for ${t.dims} features; ${fix}`);
  const w = new Float32Array(t.dims);
  for (let i = 0; i < bytes.length; i++) w[i] = ((bytes[i]! << 24) >> 24) * t.scale;
  return { dims: t.dims, bias: t.bias, threshold: t.threshold, gate: t.gate, gateLength: t.gateLength, minLength: t.minLength, w };
}
