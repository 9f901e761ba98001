/**
 * media/icon.png (made by scripts/make-icon.mjs) as the galleries show it: 128×128, transparent
 * corners, and readable on the light and the dark Marketplace and Open VSX pages. Measured on the
 * committed PNG's pixels, with WCAG contrast ratios: the tile against each page background, the
 * glyph against the tile.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ROOT } from '../../fixtures';

interface Image { width: number; height: number; rgba: Uint8Array }

/** An 8-bit RGBA, non-interlaced PNG (what Chromium's screenshot writes) decoded to pixels. */
function decodePng(buf: Buffer): Image {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG signature');
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.deepEqual([data[8], data[9], data[12]], [8, 6, 0], 'bit depth 8, colour type RGBA, not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? rgba[y * stride + x - 4] ?? 0 : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] ?? 0 : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] ?? 0 : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter ?? 0];
      assert.ok(pred !== undefined, `row ${y}: filter type ${filter}`);
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

const luminance = ([r, g, b]: number[]): number => {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
};
const contrast = (x: number[], y: number[]): number => {
  const [hi, lo] = [luminance(x), luminance(y)].sort((m, n) => n - m);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

describe('media/icon.png (scripts/make-icon.mjs)', () => {
  const icon = decodePng(readFileSync(join(ROOT, 'media', 'icon.png')));
  const px = (x: number, y: number): number[] => [...icon.rgba.subarray((y * icon.width + x) * 4, (y * icon.width + x) * 4 + 4)];

  it('is 128×128 with transparent corners (a rounded tile, not a square on the page colour)', () => {
    assert.deepEqual([icon.width, icon.height], [128, 128]);
    for (const [x, y] of [[0, 0], [127, 0], [0, 127], [127, 127]] as const) assert.equal(px(x, y)[3], 0, `corner ${x},${y}`);
  });

  it('reads on the light and the dark gallery: tile at least 3:1 against both, glyph at least 4.5:1 on the tile', () => {
    // The tile's colour where it is opaque and not glyph: the edge band just inside the rounding.
    const tile = px(64, 8);
    assert.equal(tile[3], 255, 'the tile is opaque at its top edge');
    const light = [255, 255, 255];
    const dark = [30, 30, 30]; // #1e1e1e, the dark theme's page
    assert.ok(contrast(tile, light) >= 3, `tile on white: ${contrast(tile, light).toFixed(2)}:1`);
    assert.ok(contrast(tile, dark) >= 3, `tile on #1e1e1e: ${contrast(tile, dark).toFixed(2)}:1`);
    // The glyph: the lightest opaque pixels inside the tile.
    let glyph = tile;
    for (let y = 20; y < 108; y++) for (let x = 20; x < 108; x++) if (luminance(px(x, y)) > luminance(glyph)) glyph = px(x, y);
    const onTile = contrast(glyph, px(64, 118));
    assert.ok(onTile >= 4.5, `glyph on the tile's darker bottom: ${onTile.toFixed(2)}:1`);
    // Drawn, not a flat tile: a good share of the inner square is glyph.
    let strokes = 0;
    for (let y = 20; y < 108; y++) for (let x = 20; x < 108; x++) if (contrast(px(x, y), tile) > 3) strokes++;
    assert.ok(strokes > 500 && strokes < 4000, `${strokes} glyph pixels`);
  });
});
