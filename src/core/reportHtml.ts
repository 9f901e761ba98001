/**
 * The report as one self-contained HTML page: inline SVG charts, one inline style sheet, no
 * script of any kind, and a Content-Security-Policy that would block one anyway. Light and dark
 * follow `prefers-color-scheme`. Tables have a caption and `<th scope>` headers for screen
 * readers; each chart is an `img` with a title and a description in words. Every text from a file
 * (names, paths, messages) is escaped for HTML, its control characters shown as `\u…`.
 */
import { escapeLine } from './escape';
import { REPORT_COLUMNS, type PairRow, type Report } from './report';
import { cellText } from './reportFormats';

/** The page's policy: nothing may load or run; only the inline style sheet applies. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Pairs drawn in the per-pair chart (the table holds all of them). */
export const CHART_PAIRS = 40;

export function escapeHtml(text: string): string {
  return escapeLine(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function reportHtml(report: Report, generated: Date): string {
  const { pairs, errors } = report;
  const sum = (k: keyof PairRow): number => pairs.reduce((n, p) => n + (typeof p[k] === 'number' ? p[k] : 0), 0);
  const withCadence = pairs.filter((p) => p.cadenceKept !== null);
  const meanCadence = withCadence.length > 0 ? withCadence.reduce((n, p) => n + (p.cadenceKept as number), 0) / withCadence.length : undefined;
  const summary = [
    `${pairs.length} pair${pairs.length === 1 ? '' : 's'}`,
    `${sum('sessionsHeld')} sessions held`,
    `${sum('sessionsCancelled')} cancelled (${sum('cancelledLate')} late)`,
    meanCadence === undefined ? undefined : `cadence kept ${Math.round(meanCadence * 100)}% on average`,
    `${sum('tasksOverdue')} tasks overdue`,
    `${pairs.filter((p) => p.acceptedByBoth).length} accepted by both`,
    `${errors.length} file${errors.length === 1 ? '' : 's'} with errors`,
  ].filter((s): s is string => s !== undefined);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Mentoring report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Mentoring report</h1>
<p class="summary">${summary.map(escapeHtml).join(' · ')}. Generated ${escapeHtml(generated.toISOString().slice(0, 16).replace('T', ' '))} UTC. Counts only: no notes, feedback, ratings, agendas or topics.</p>
${pairs.length > 0 ? `<section class="charts">${sessionsChart(pairs)}${cadenceChart(pairs)}</section>` : ''}
${pairsTable(pairs)}
${errors.length > 0 ? errorsTable(report) : ''}
</main>
</body>
</html>
`;
}

function pairName(p: PairRow): string {
  return `${p.mentor} → ${p.mentee}`;
}

/** Held, cancelled in time and cancelled late per pair, as stacked bars: the pairs that cancel most first. */
function sessionsChart(pairs: PairRow[]): string {
  const shown = [...pairs]
    .map((p, i) => ({ p, i, share: p.sessionsCancelled / Math.max(1, p.sessionsHeld + p.sessionsCancelled) }))
    .sort((a, b) => b.share - a.share || a.i - b.i)
    .slice(0, CHART_PAIRS)
    .map((x) => x.p);
  const max = Math.max(1, ...shown.map((p) => p.sessionsHeld + p.sessionsCancelled));
  const label = 220;
  const width = 640;
  const bar = width - label - 60;
  const rowH = 18;
  const height = shown.length * rowH + 34;
  const rows = shown.map((p, i) => {
    const y = 24 + i * rowH;
    const held = (p.sessionsHeld / max) * bar;
    const inTime = ((p.sessionsCancelled - p.cancelledLate) / max) * bar;
    const late = (p.cancelledLate / max) * bar;
    const name = pairName(p);
    const short = name.length > 32 ? `${name.slice(0, 31)}…` : name;
    return `<g><text x="${label - 6}" y="${y + 12}" text-anchor="end" class="label">${escapeHtml(short)}</text>` +
      `<rect x="${label}" y="${y}" width="${held.toFixed(1)}" height="${rowH - 4}" class="held"/>` +
      `<rect x="${(label + held).toFixed(1)}" y="${y}" width="${inTime.toFixed(1)}" height="${rowH - 4}" class="cancelled"/>` +
      `<rect x="${(label + held + inTime).toFixed(1)}" y="${y}" width="${late.toFixed(1)}" height="${rowH - 4}" class="late"/>` +
      `<text x="${(label + held + inTime + late + 4).toFixed(1)}" y="${y + 12}" class="value">${p.sessionsHeld}/${p.sessionsCancelled}</text></g>`;
  });
  const more = pairs.length > shown.length ? ` The ${shown.length} pairs with the largest share of cancelled sessions of ${pairs.length}; the table below has every pair.` : '';
  return `<figure>
<svg role="img" aria-labelledby="sessions-title sessions-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="sessions-title">Sessions held and cancelled per pair</title>
<desc id="sessions-desc">For each pair, a bar of sessions held, then cancelled in time, then cancelled late.${escapeHtml(more)}</desc>
<g class="legend"><rect x="${label}" y="4" width="10" height="10" class="held"/><text x="${label + 14}" y="13" class="label">held</text>
<rect x="${label + 60}" y="4" width="10" height="10" class="cancelled"/><text x="${label + 74}" y="13" class="label">cancelled</text>
<rect x="${label + 150}" y="4" width="10" height="10" class="late"/><text x="${label + 164}" y="13" class="label">cancelled late</text></g>
${rows.join('\n')}
</svg>
<figcaption>Sessions held and cancelled per pair (held/cancelled).${escapeHtml(more)}</figcaption>
</figure>`;
}

/** How many pairs kept their cadence in each tenth: 0–9 %, 10–19 %, … 90–100 %. */
function cadenceChart(pairs: PairRow[]): string {
  const buckets = new Array<number>(10).fill(0);
  for (const p of pairs) {
    if (p.cadenceKept === null) continue;
    const k = Math.min(9, Math.floor(p.cadenceKept * 10));
    buckets[k] = (buckets[k] ?? 0) + 1;
  }
  const counted = buckets.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...buckets);
  const width = 420;
  const height = 200;
  const colW = 36;
  const base = 160;
  const cols = buckets.map((n, i) => {
    const h = (n / max) * 130;
    const x = 24 + i * (colW + 2);
    return `<rect x="${x}" y="${(base - h).toFixed(1)}" width="${colW}" height="${h.toFixed(1)}" class="held"/>` +
      `<text x="${x + colW / 2}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" class="value">${n}</text>` +
      `<text x="${x + colW / 2}" y="${base + 14}" text-anchor="middle" class="label">${i * 10}%</text>`;
  });
  const words = buckets.map((n, i) => `${n} at ${i * 10}–${i === 9 ? 100 : i * 10 + 9}%`).join(', ');
  return `<figure>
<svg role="img" aria-labelledby="cadence-title cadence-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="cadence-title">Share of periods the agreed cadence was kept</title>
<desc id="cadence-desc">Pairs by the share of their cadence periods with a held session: ${escapeHtml(words)}.</desc>
<line x1="20" y1="${base}" x2="${width - 10}" y2="${base}" class="axis"/>
${cols.join('\n')}
<text x="24" y="${base + 32}" class="label">share of weeks (or months) with a session held</text>
</svg>
<figcaption>Cadence kept, ${counted} pair${counted === 1 ? '' : 's'} with an agreed cadence.</figcaption>
</figure>`;
}

/** A bar for one pair's cadence share, beside its percentage. */
function cadenceBar(share: number): string {
  const w = Math.round(share * 60);
  return `<svg class="bar" width="62" height="10" viewBox="0 0 62 10" aria-hidden="true"><rect x="0" y="0" width="62" height="10" class="track"/><rect x="1" y="1" width="${w}" height="8" class="held"/></svg>`;
}

function pairsTable(pairs: PairRow[]): string {
  const head = REPORT_COLUMNS.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('');
  const rows = pairs.map((p) => {
    const cells = REPORT_COLUMNS.map((c) => {
      const text = escapeHtml(cellText(p, c.key));
      const num = typeof p[c.key] === 'number' ? ' class="num"' : '';
      if (c.key === 'cadenceKept' && p.cadenceKept !== null) return `<td class="num">${cadenceBar(p.cadenceKept)} ${text}</td>`;
      if (c.key === 'file') return `<th scope="row">${text}</th>`;
      return `<td${num}>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table>
<caption>Pairs: one row per mentoring file</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.length > 0 ? rows.join('\n') : `<tr><td colspan="${REPORT_COLUMNS.length}">No mentoring files were found.</td></tr>`}
</tbody>
</table></div>`;
}

function errorsTable(report: Report): string {
  const rows = report.errors.map((e) =>
    `<tr><td>${escapeHtml(e.repo ?? '')}</td><th scope="row">${escapeHtml(e.file)}</th><td class="num">${e.line}</td><td class="num">${e.column}</td><td>${escapeHtml(e.code)}</td><td>${escapeHtml(e.message)}</td></tr>`);
  return `<div class="scroll"><table class="errors">
<caption>Files with errors (not counted above)</caption>
<thead><tr><th scope="col">Repository</th><th scope="col">File</th><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --held: #1a7f37; --cancelled: #9a6700; --late: #cf222e; --track: #e6eaef; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --held: #3fb950; --cancelled: #d29922; --late: #f85149; --track: #262c36; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { padding: 16px 24px 32px; }
h1 { font-size: 22px; margin: 0 0 8px; }
.summary { color: var(--muted); margin: 0 0 16px; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; margin-bottom: 16px; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 12px; max-width: 640px; }
svg text { fill: var(--fg); font-size: 11px; }
svg .value { fill: var(--muted); }
.held { fill: var(--held); }
.cancelled { fill: var(--cancelled); }
.late { fill: var(--late); }
.track { fill: var(--track); }
.axis { stroke: var(--line); }
.scroll { overflow-x: auto; margin-top: 16px; }
table { border-collapse: collapse; font-size: 12px; }
caption { text-align: left; font-weight: 600; font-size: 14px; padding: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; white-space: nowrap; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; }
tbody th { font-weight: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.bar { vertical-align: middle; }
`;
