// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { planBatch } from './live';

/** The mutation records `change` makes under `root`, as a MutationObserver delivers them. */
function recordsOf(root: Element, change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const notOurs = () => false;

describe('planBatch', () => {
  it('redoes only the new paragraphs of a growing feed, not the feed, for the line breaks between them', () => {
    const body = page('<div id="feed"><p>Update 0</p>\n</div>');
    const feed = body.querySelector('#feed')!;
    const records = recordsOf(body, () => feed.insertAdjacentHTML('beforeend', '<p>Update 1: Nvidia</p>\n<p>2</p>\n'));
    const plan = planBatch(records, notOurs);
    expect(plan.rescan).toBe(false);
    expect(plan.roots.map((root) => root.textContent)).toEqual(['Update 1: Nvidia', '2']);
  });

  it('redoes the block around white space put between two inline parts of a word', () => {
    const body = page('<p id="p"><b>Ali</b><b>baba</b></p>');
    const p = body.querySelector('#p')!;
    const records = recordsOf(body, () => p.insertBefore(document.createTextNode(' '), p.lastChild));
    expect(planBatch(records, notOurs).roots).toEqual([p]);
  });

  it('redoes the block around added text that is not only white space, even beside a block', () => {
    const body = page('<div id="feed"><p>Update 0</p></div>');
    const feed = body.querySelector('#feed')!;
    const records = recordsOf(body, () => feed.append('Nvidia'));
    expect(planBatch(records, notOurs).roots).toEqual([feed]);
  });

  it('redoes nothing for a paragraph removed between two paragraphs, and redoes the block when an inline part goes', () => {
    const body = page(
      '<div id="list"><p>One</p><p>Two</p><p>Three</p></div><p id="name"><b>Ali</b><i>x</i><b>baba</b></p>',
    );
    const list = body.querySelector('#list')!;
    const name = body.querySelector('#name')!;
    const between = planBatch(
      recordsOf(body, () => list.children[1]!.remove()),
      notOurs,
    );
    expect(between).toEqual({ rescan: false, removed: true, roots: [] });
    const inline = planBatch(
      recordsOf(body, () => name.querySelector('i')!.remove()),
      notOurs,
    );
    expect(inline).toEqual({ rescan: false, removed: true, roots: [name] });
  });

  it('rescans the page past a thousand added nodes', () => {
    const body = page('<div id="feed"></div>');
    const feed = body.querySelector('#feed')!;
    const records = recordsOf(body, () => {
      for (let i = 0; i < 1001; i++) feed.append(document.createElement('p'));
    });
    expect(planBatch(records, notOurs)).toMatchObject({ rescan: true, roots: [] });
  });
});
