/*
 * Mounts the real popover component, with its real styles, in an OPEN shadow root of a plain page, so that axe
 * can check it (axe cannot enter the closed root the extension uses). Bundled by e2e/popover-a11y.spec.ts.
 */
import { mountPopover } from '../../src/ui/popover/mount';
import { POPOVER_CSS } from '../../src/ui/popover/popover.css';

const host = document.createElement('div');
document.body.append(host);
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(POPOVER_CSS);
root.adoptedStyleSheets = [sheet];

const anchor = document.createRange();
anchor.selectNodeContents(document.querySelector('#mention')!);
const noop = () => undefined;
mountPopover(root).update(
  {
    summary: { id: 'nvidia', name: 'Nvidia', kind: 'company', topic: false },
    card: {
      id: 'nvidia',
      name: 'Nvidia',
      kind: 'company',
      aliases: ['NVIDIA Corp'],
      summary: 'Maker of the GPUs at the centre of the AI hardware contest.',
      signals: [{ text: 'Enforcement news on GPU rental contracts.' }],
      implications: ['Export controls shape where its chips can go.'],
      tags: ['semiconductors', 'ai-race'],
      related: ['Taiwan', 'Export controls'],
      sources: [],
      notes: '',
    },
    mention: {
      cardId: 'nvidia',
      start: 0,
      end: 5,
      quote: 'Nvida',
      match: 'fuzzy',
      confidence: 0.83,
      matched: 'Nvidia',
    },
    count: 3,
    position: 1,
    status: null,
    onOpenPanel: noop,
    onIgnore: noop,
    onSiteOff: noop,
    onPause: noop,
    onStep: noop,
    teams: ['research'],
    onShare: noop,
  },
  anchor,
);
