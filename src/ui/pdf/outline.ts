import type { PDFDocumentProxy } from 'pdfjs-dist';

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

/** Fills the outline panel with the document's bookmarks (its toggle is hidden when there are none). */
export async function showOutline(
  doc: PDFDocumentProxy,
  panel: HTMLElement,
  toggle: HTMLElement,
  goTo: (page: number) => void,
): Promise<void> {
  const outline = ((await doc.getOutline().catch(() => null)) ?? []) as OutlineItem[];
  toggle.hidden = outline.length === 0;
  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  });
  const pageOf = async (dest: OutlineItem['dest']): Promise<number | null> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const ref = explicit?.[0];
    if (ref === undefined || ref === null) return null;
    if (typeof ref === 'number') return ref + 1;
    return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
  };
  const list = (items: OutlineItem[]): HTMLUListElement => {
    const ul = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = item.title;
      button.addEventListener('click', () => {
        void pageOf(item.dest).then((n) => n && goTo(n));
      });
      li.append(button);
      if (item.items.length) li.append(list(item.items));
      ul.append(li);
    }
    return ul;
  };
  panel.replaceChildren(list(outline));
}
