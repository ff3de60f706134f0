/**
 * Draws the toolbar and store icons (a document with a highlighted line on a slate tile) as PNGs in
 * public/icons. Run with `npx tsx scripts/make-icons.ts` after changing the design.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const body = concat([new TextEncoder().encode(type), data]);
  return concat([u32(data.length), body, u32(crc32(body))]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Uint8Array {
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const header = concat([u32(size), u32(size), new Uint8Array([8, 6, 0, 0, 0])]);
  const signature = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const idat = new Uint8Array(deflateSync(raw));
  return concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]);
}

/** Coverage of a rounded rectangle at a pixel, supersampled 4×4 for smooth edges. */
function cover(x: number, y: number, box: [number, number, number, number], radius: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const px = x + (i + 0.5) / 4;
      const py = y + (j + 0.5) / 4;
      const [x0, y0, x1, y1] = box;
      const cx = Math.min(Math.max(px, x0 + radius), x1 - radius);
      const cy = Math.min(Math.max(py, y0 + radius), y1 - radius);
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1 && (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2) hits++;
    }
  }
  return hits / 16;
}

function icon(size: number): Uint8Array {
  const s = size / 128;
  const tile: [number, number, number, number] = [4 * s, 4 * s, 124 * s, 124 * s];
  const page: [number, number, number, number] = [30 * s, 20 * s, 98 * s, 108 * s];
  const lines = [36, 52, 84].map((y) => [40 * s, y * s, 88 * s, (y + 7) * s] as [number, number, number, number]);
  const mark: [number, number, number, number] = [36 * s, 64 * s, 92 * s, 78 * s];
  return png(size, (x, y) => {
    const layers: Array<[RGBA, number]> = [
      [[59, 74, 107, 255], cover(x, y, tile, 24 * s)],
      [[248, 249, 252, 255], cover(x, y, page, 6 * s)],
      ...lines.map((box): [RGBA, number] => [[150, 160, 182, 255], cover(x, y, box, 2 * s)]),
      [[250, 204, 21, 255], cover(x, y, mark, 3 * s)],
    ];
    let out: RGBA = [0, 0, 0, 0];
    for (const [[r, g, b], a] of layers) {
      if (a === 0) continue;
      const alpha = a + (out[3] / 255) * (1 - a);
      const mix = (c: number, d: number) => (alpha ? (c * a + d * (out[3] / 255) * (1 - a)) / alpha : 0);
      out = [mix(r, out[0]), mix(g, out[1]), mix(b, out[2]), alpha * 255];
    }
    return out.map(Math.round) as RGBA;
  });
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
