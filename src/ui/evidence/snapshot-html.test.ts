// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderSnapshot, SNAPSHOT_CSP } from './snapshot-html';

const part = (headers: string[], body: string) => ['------B', ...headers, '', body].join('\r\n');
const mhtml = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://news.example/story',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----B"',
  '',
  part(
    ['Content-Type: text/html', 'Content-Location: https://news.example/story'],
    [
      '<html><head><link rel="stylesheet" href="/s.css"><link rel="preload" href="https://cdn.example/x.js">',
      '<script src="https://cdn.example/app.js"></script><base href="https://evil.example/"></head>',
      '<body onload="steal()" style="background: url(bg.png)"><img src="pic.png" alt="held">',
      '<img src="https://tracker.example/p.gif" alt="not held"><a href="https://news.example/next">next</a>',
      '<iframe src="cid:frame-2@mhtml.blink"></iframe><iframe src="https://ads.example/"></iframe></body></html>',
    ].join(''),
  ),
  part(
    ['Content-Type: text/css', 'Content-Location: https://news.example/s.css'],
    'h1 { color: red } .logo { background: url("logo.png") } @import "https://fonts.example/f.css";',
  ),
  part(
    ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://news.example/pic.png'],
    'iVBORw==',
  ),
  part(
    ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://news.example/logo.png'],
    'AAAA',
  ),
  part(
    ['Content-Type: image/png', 'Content-Transfer-Encoding: base64', 'Content-Location: https://news.example/bg.png'],
    'AQID',
  ),
  part(
    ['Content-Type: text/html', 'Content-ID: <frame-2@mhtml.blink>'],
    '<p>inner frame</p><img src="https://x.example/y.png">',
  ),
  '------B--',
  '',
].join('\r\n');

describe('renderSnapshot', () => {
  it('inlines what the MHTML holds, removes every other web reference, runs no script', () => {
    const { html, inlined, removed } = renderSnapshot('mhtml', new TextEncoder().encode(mhtml));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.head.firstElementChild?.getAttribute('content')).toBe(SNAPSHOT_CSP);
    expect(doc.querySelector('script, base, link')).toBeNull();
    expect(doc.querySelector('img[alt=held]')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw==');
    expect(doc.querySelector('img[alt="not held"]')?.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('style')?.textContent).toContain('url("data:image/png;base64,AAAA")');
    expect(doc.querySelector('style')?.textContent).toContain('@import url("data:,")');
    expect(doc.body.getAttribute('onload')).toBeNull();
    expect(doc.body.getAttribute('style')).toContain('data:image/png;base64,AQID');
    expect(doc.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(doc.querySelector('a')?.getAttribute('data-href')).toBe('https://news.example/next');
    const [inner, ads] = [...doc.querySelectorAll('iframe')];
    expect(inner?.getAttribute('srcdoc')).toContain('inner frame');
    expect(inner?.getAttribute('sandbox')).toBe('');
    expect(ads?.hasAttribute('src')).toBe(false);
    // Nothing left that names the web where a browser would fetch it.
    expect(html).not.toMatch(/\s(?:src|href|srcset|poster|background)="https?:/);
    expect(inner?.getAttribute('srcdoc')).not.toMatch(/https?:/);
    expect(html).not.toMatch(/url\("?https?:/);
    expect(inlined).toBe(5);
    expect(removed).toBe(5);
  });

  it('shows a serialised DOM as it was stored, under the same policy', () => {
    const dom =
      '<!DOCTYPE html><html><head></head><body><script>x()</script><img src="data:image/png;base64,AA"></body></html>';
    const { html } = renderSnapshot('dom', new TextEncoder().encode(dom));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.head.firstElementChild?.getAttribute('content')).toBe(SNAPSHOT_CSP);
    expect(html).not.toContain('<script');
    expect(html).toContain('src="data:image/png;base64,AA"');
  });
});
