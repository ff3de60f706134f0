import type { Page } from 'playwright-core';
import { clickNode, readPopover } from '../scripts/page-probe';
import { expect } from './fixtures';

/* Making highlights and notes as a user does: selecting the page's text and pressing our toolbar's buttons. */

/** Selects the first occurrence of `text` in the page, as a user's drag would, and releases the key. */
export async function select(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(found, `"${text}" is on the page`).toBe(true);
  // The toolbar follows a pointer or key release, as after selecting with the mouse or Shift+arrows.
  await page.keyboard.press('Shift');
}

/** Clicks a button of our toolbar by its label. */
export async function press(page: Page, label: string): Promise<void> {
  await expect.poll(async () => (await readPopover(page))?.buttons.some((b) => b.label === label) ?? false).toBe(true);
  const button = (await readPopover(page))!.buttons.find((b) => b.label === label)!;
  await clickNode(page, button.backendNodeId);
}

/** Highlights a phrase of the page from the toolbar. */
export async function highlight(page: Page, text: string): Promise<void> {
  await select(page, text);
  await press(page, 'Highlight');
}

/** Adds a note to a phrase of the page from the toolbar. */
export async function addNote(page: Page, text: string, note: string): Promise<void> {
  await select(page, text);
  await press(page, 'Add note');
  await page.keyboard.type(note);
  await press(page, 'Save');
}

/** The text of each range painted under one of the user's highlight keys. */
export function own(page: Page, key: 'ann-mark' | 'ann-note' | 'ann-team'): Promise<string[]> {
  return page.evaluate((k) => {
    const out: string[] = [];
    for (const range of (CSS.highlights.get(k) as Highlight | undefined) ?? []) out.push(String(range));
    return out.sort();
  }, key);
}
