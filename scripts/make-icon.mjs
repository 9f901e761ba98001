// node scripts/make-icon.mjs: media/icon.png, the 128×128 Marketplace and Open VSX icon, from the
// activity-bar glyph media/mentoring.svg (one drawing for both, so they never drift apart).
// The glyph is white on a rounded teal tile: the tile carries its own background, so the icon reads
// on the light and the dark gallery alike (test/unit/scripts/icon.test.ts measures both contrasts).
// Rendered by Chromium (the one test/host/provision.mjs finds) through playwright-core; the PNG is
// committed, so packaging never needs a browser. Run again after changing media/mentoring.svg.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, findChromium } from '../test/host/provision.mjs';

export const SIZE = 128;
/** The tile: relative luminance 0.16, at least 3:1 against white and against #1e1e1e, 5:1 under white. */
export const TILE = '#2b7a78';
export const TILE_DARK = '#236664';

/** The tile SVG around the glyph of media/mentoring.svg (its 24×24 drawing, stroke in white). */
export function iconSvg(glyph) {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>\s*$/.exec(glyph.trim())?.[1];
  if (!inner) throw new Error('media/mentoring.svg: no <svg>…</svg> drawing found');
  // 24 units → 84 px, centred: 22 px of tile around the glyph.
  const scale = 84 / 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${TILE}"/><stop offset="1" stop-color="${TILE_DARK}"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#g)"/>
  <g transform="translate(22 20) scale(${scale})" fill="none" stroke="#ffffff" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${inner}</g>
</svg>`;
}

async function main() {
  const glyph = fs.readFileSync(path.join(ROOT, 'media', 'mentoring.svg'), 'utf8');
  const svg = iconSvg(glyph);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = path.join(ROOT, 'media', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`[icon] wrote ${path.relative(ROOT, out)} (${fs.statSync(out).size} bytes)`);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(`[icon] ${e.message}`); process.exitCode = 1; });
}
