import { describe, expect, it } from 'vitest';
import { parseMhtml, partText } from './mhtml';

const sample = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: http://127.0.0.1/demo/',
  'Subject: Demo',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----MultipartBoundary--abc----"',
  '',
  '',
  '------MultipartBoundary--abc----',
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: http://127.0.0.1/demo/',
  '',
  '<html><head><link rel=3D"stylesheet" href=3D"style.css"></head><body>Caf=C3=A9 a long line th=',
  'at wraps</body></html>',
  '------MultipartBoundary--abc----',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-Location: http://127.0.0.1/demo/pixel.png',
  '',
  'iVBORw0K',
  'GgA=',
  '------MultipartBoundary--abc------',
  '',
].join('\r\n');

describe('parseMhtml', () => {
  it('reads the parts, their addresses and decoded bodies, the main document first', () => {
    const mhtml = parseMhtml(new TextEncoder().encode(sample));
    expect(mhtml.location).toBe('http://127.0.0.1/demo/');
    expect(mhtml.parts.map((part) => [part.type, part.location, part.contentId])).toEqual([
      ['text/html', 'http://127.0.0.1/demo/', 'frame-1@mhtml.blink'],
      ['image/png', 'http://127.0.0.1/demo/pixel.png', null],
    ]);
    expect(partText(mhtml.parts[0]!)).toBe(
      '<html><head><link rel="stylesheet" href="style.css"></head><body>Café a long line that wraps</body></html>',
    );
    expect(Array.from(mhtml.parts[1]!.body)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]);
  });

  it('refuses what is not MHTML', () => {
    expect(() => parseMhtml(new TextEncoder().encode('<html></html>'))).toThrow(/not an MHTML file/);
    expect(() =>
      parseMhtml(new TextEncoder().encode('Content-Type: multipart/related; boundary="b"\r\n\r\nnothing')),
    ).toThrow(/no parts/);
  });
});
