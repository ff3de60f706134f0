import type Graph from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';

/*
 * Sigma (WebGL) drawing a laid-out graph. Debian's headless Chromium renders WebGL 2 in software (SwiftShader),
 * which is enough for 2,000 nodes and 20,000 edges. Colours follow the page's theme (its CSS variables).
 */

/** What the network view listens to. */
export interface RendererEvents {
  onNode: (id: string) => void;
  onEdge: (source: string, target: string) => void;
  onStage: () => void;
}

/** The states a style reads. */
type Lit = { isHovered: boolean; isHighlighted: boolean };

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Draws a graph in a container; returns the Sigma instance (kill it to free the WebGL context). */
export function renderGraph(graph: Graph, container: HTMLElement, events: RendererEvents): Sigma {
  const fg = themeColour('--fg', '#1c2230');
  const surface = themeColour('--surface', '#ffffff');
  const accent = themeColour('--accent', '#3b4a6b');
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const edge = dark ? 'rgba(165, 173, 191, 0.28)' : 'rgba(59, 74, 107, 0.22)';
  const sigma = new Sigma(graph, container, {
    settings: {
      enableEdgeEvents: true,
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.5,
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          labelColor: fg,
          backdropColor: surface,
          // The card opened (highlighted) shows its label and backdrop, as a hovered one does.
          labelVisibility: (_attributes: unknown, state: Lit) =>
            state.isHovered || state.isHighlighted ? 'visible' : 'auto',
          backdropVisibility: (_attributes: unknown, state: Lit) =>
            state.isHovered || state.isHighlighted ? 'visible' : 'hidden',
        },
      ] as unknown as typeof DEFAULT_STYLES.nodes,
      edges: [
        DEFAULT_STYLES.edges,
        { color: (_attributes: unknown, state: Lit) => (state.isHighlighted ? accent : edge) },
      ] as unknown as typeof DEFAULT_STYLES.edges,
    },
  });
  sigma.on('clickNode', ({ node }) => events.onNode(node));
  sigma.on('clickEdge', ({ edge }) => events.onEdge(graph.source(edge), graph.target(edge)));
  sigma.on('clickStage', () => events.onStage());
  return sigma;
}
