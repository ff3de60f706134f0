// @vitest-environment jsdom
/** @jsxImportSource preact */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamActivity as Activity } from '../model/team';
// The polyfill the views import is this fake in unit tests (vitest.config.ts): the same module.
import browser from '../test/fake-browser';
import { ArticleList } from './insights/ArticleList';
import { SafeLink } from './SafeLink';
import { TeamActivity } from './side-panel/team/TeamActivity';

const HOSTILE = [
  'javascript:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,x',
];

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
  browser.runtime.onMessage.listeners.clear();
});
function mount(): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  return root;
}

describe('SafeLink', () => {
  it('links an https URL, opening in a new tab without an opener', () => {
    const el = mount();
    render(<SafeLink href="https://example.com/a">A page</SafeLink>, el);
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.com/a');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each(HOSTILE)('shows %j as text, with no link', (url) => {
    const el = mount();
    render(<SafeLink href={url}>A page</SafeLink>, el);
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('[href]')).toBeNull();
    expect(el.textContent).toBe('A page');
  });
});

describe('views of stored URLs', () => {
  it("the insights' article list links no javascript: URL", () => {
    const el = mount();
    const article = (id: string, url: string) => ({
      id,
      source: 'clip' as const,
      url,
      title: id,
      time: '2026-01-01',
      counts: {},
    });
    render(
      <ArticleList
        articles={[article('good', 'https://example.com/'), ...HOSTILE.map((u, i) => article(`bad${i}`, u))]}
      />,
      el,
    );
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/']);
    expect(el.textContent).toContain('bad0');
  });

  it("the Team view shows a teammate's clip with a javascript: URL as text, not a link", async () => {
    const item = (title: string, ref: string): Activity => ({
      team: 'research',
      kind: 'clip',
      title,
      ref,
      by: 'mallory',
      createdBy: 'mallory',
      at: new Date().toISOString(),
      action: 'shared',
      mine: false,
    });
    const items = [item('Trap', 'javascript:alert(document.cookie)'), item('Real', 'https://news.example/a')];
    browser.runtime.onMessage.addListener((message) =>
      (message as { type: string }).type === 'team.activity' ? { ok: true, value: items } : undefined,
    );
    const el = mount();
    act(() => render(<TeamActivity onOpenCard={() => {}} />, el));
    await vi.waitFor(() => expect(el.textContent).toContain('Trap'));
    expect([...el.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://news.example/a']);
  });
});
