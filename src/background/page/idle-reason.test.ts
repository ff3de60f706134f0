import { describe, expect, it } from 'vitest';
import { idleReason } from './idle-reason';

describe('idleReason', () => {
  it('lets ordinary web pages through', () => {
    expect(idleReason('https://www.example.com/news/article')).toBeNull();
    expect(idleReason('http://127.0.0.1:8080/demo/')).toBeNull();
  });
  it('explains browser pages, the Web Store and the PDF viewer', () => {
    expect(idleReason('chrome://extensions/')).toMatch(/browser pages/);
    expect(idleReason('https://chromewebstore.google.com/detail/x')).toMatch(/Web Store/);
    expect(idleReason('https://chrome.google.com/webstore/category/extensions')).toMatch(/Web Store/);
    expect(idleReason('https://example.com/report.PDF')).toMatch(/PDF/);
    expect(idleReason(undefined)).toMatch(/no page/);
    expect(idleReason('not a url')).toMatch(/no page/);
  });
  it('explains Firefox’s own pages and sites the same way', () => {
    expect(idleReason('about:addons')).toMatch(/browser pages/);
    expect(idleReason('moz-extension://0f1e2d3c/src/ui/options/index.html')).toMatch(/other extensions/);
    expect(idleReason('https://addons.mozilla.org/en-US/firefox/')).toMatch(/add-ons/);
  });
});
