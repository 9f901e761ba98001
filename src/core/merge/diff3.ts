/**
 * A line-based three-way merge (diff3 by sync points), the fallback of the merge driver when the
 * files cannot be merged by id, and the first attempt when they can (index.ts): a clean line merge
 * keeps both sides' comments. Bounded: the LCS table is capped (MAX_CELLS); above it the
 * differing middle counts as one changed block, which is still a correct (if coarse) merge.
 */

export interface LineMerge {
  text: string;
  /** 0-based line index in `text` of each `<<<<<<< ours` marker. */
  conflictLines: number[];
}

const MAX_CELLS = 4_000_000;

/** Split into lines, each keeping its line break (the last may have none). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * For each line of `a`, the index of the line of `b` it is matched with (or -1), from a longest
 * common subsequence: common prefix and suffix first, then a DP table over the middle when small.
 */
function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const m = new Int32Array(a.length).fill(-1);
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) {
    m[pre] = pre;
    pre++;
  }
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) {
    m[a.length - 1 - suf] = b.length - 1 - suf;
    suf++;
  }
  const n = a.length - pre - suf;
  const k = b.length - pre - suf;
  if (n === 0 || k === 0 || (n + 1) * (k + 1) > MAX_CELLS) return m;
  // lcs[i][j]: LCS length of a[pre+i..] and b[pre+j..] (middles only)
  const w = k + 1;
  const lcs = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = k - 1; j >= 0; j--) {
      lcs[i * w + j] = a[pre + i] === b[pre + j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < k) {
    if (a[pre + i] === b[pre + j]) {
      m[pre + i] = pre + j;
      i++;
      j++;
    } else if ((lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number)) i++;
    else j++;
  }
  return m;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/** Each side's block with a final line break, so the marker after it starts its own line. */
function closed(lines: readonly string[], eol: string): string {
  const s = lines.join('');
  return s === '' || s.endsWith('\n') ? s : s + eol;
}

/** Merge `ours` and `theirs` (both descended from `base`) line by line, with git's markers where both changed one place. */
export function diff3(base: string, ours: string, theirs: string): LineMerge {
  const eol = /\r\n/.test(ours) ? '\r\n' : '\n';
  const B = splitLines(base);
  const O = splitLines(ours);
  const T = splitLines(theirs);
  const mo = matchLines(B, O);
  const mt = matchLines(B, T);
  const out: string[] = [];
  const conflictLines: number[] = [];
  let lineCount = 0;
  const emit = (s: string): void => {
    if (s === '') return;
    out.push(s);
    lineCount += splitLines(s).length;
  };
  let i = 0;
  let a = 0;
  let c = 0;
  for (;;) {
    if (i < B.length && mo[i] === a && mt[i] === c) {
      emit(B[i] as string);
      i++;
      a++;
      c++;
      continue;
    }
    // The next base line both sides kept, where the changed region ends (the end of the files otherwise).
    let k = i;
    while (k < B.length && !((mo[k] as number) >= a && (mt[k] as number) >= c)) k++;
    const aEnd = k < B.length ? (mo[k] as number) : O.length;
    const cEnd = k < B.length ? (mt[k] as number) : T.length;
    const b = B.slice(i, k);
    const o = O.slice(a, aEnd);
    const t = T.slice(c, cEnd);
    if (sameLines(o, b)) emit(t.join(''));
    else if (sameLines(t, b) || sameLines(o, t)) emit(o.join(''));
    else {
      if (out.length > 0 && !(out[out.length - 1] as string).endsWith('\n')) emit(eol);
      conflictLines.push(lineCount);
      emit(`<<<<<<< ours${eol}${closed(o, eol)}=======${eol}${closed(t, eol)}>>>>>>> theirs${eol}`);
    }
    if (k >= B.length) break;
    i = k;
    a = aEnd;
    c = cEnd;
  }
  return { text: out.join(''), conflictLines };
}

/** Both sides whole between markers: what the driver writes when even a line merge would be wrong. */
export function wholeFileConflict(ours: string, theirs: string): LineMerge {
  const eol = /\r\n/.test(ours) ? '\r\n' : '\n';
  return { text: `<<<<<<< ours${eol}${closed([ours], eol)}=======${eol}${closed([theirs], eol)}>>>>>>> theirs${eol}`, conflictLines: [0] };
}
