/*
 * Mounts the real annotation toolbar, with its real styles, in OPEN shadow roots of a plain page (axe cannot
 * enter the closed root the extension uses): one per mode, each beside its own paragraph. Bundled by
 * e2e/popover-a11y.spec.ts.
 */
import { POPOVER_CSS } from '../../src/ui/popover/popover.css';
import { mountToolbar } from '../../src/ui/toolbar/mount';
import type { ToolbarMode } from '../../src/ui/toolbar/Toolbar';
import { TOOLBAR_CSS } from '../../src/ui/toolbar/toolbar.css';

const modes: ToolbarMode[] = [
  { kind: 'selection' },
  { kind: 'highlight', note: 'Key line: controls move from customs to contracts.' },
  { kind: 'editor', note: 'A note being written.' },
];
const noop = () => undefined;
modes.forEach((mode, i) => {
  const host = document.createElement('div');
  // Inside the page's landmark, as a floating layer of the page it annotates.
  document.querySelector('main')!.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(POPOVER_CSS + TOOLBAR_CSS);
  root.adoptedStyleSheets = [sheet];
  const anchor = document.createRange();
  anchor.selectNodeContents(document.querySelector(`#quote-${i}`)!);
  mountToolbar(root).update(
    {
      mode,
      status: i === 1 ? 'Could not save: the store is full.' : null,
      onHighlight: noop,
      onEdit: noop,
      onSave: noop,
      onDelete: noop,
      onClose: noop,
    },
    anchor,
  );
});
