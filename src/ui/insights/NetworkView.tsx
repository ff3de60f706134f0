import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { articlesLinking, type Network } from '../../model/insights/co-mention';
import { ArticleList } from './ArticleList';
import { drawNetwork } from './draw-network';
import type { NetworkCanvas } from './network-canvas';
import { KIND_COLOURS, MAX_DRAWN_EDGES } from './network-graph';

interface Props {
  network: Network;
  selected: string | null;
  onNode: (id: string | null) => void;
}

/** The co-mention network: cards as nodes sized by mentions, edges weighted by shared articles. */
export function NetworkView({ network, selected, onNode }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const drawing = useRef<NetworkCanvas | null>(null);
  const [edge, setEdge] = useState<[string, string] | null>(null);
  const [timing, setTiming] = useState<{ layout: number; paint: number } | null>(null);
  const names = useMemo(() => new Map(network.nodes.map((n) => [n.id, n.name])), [network]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    setEdge(null);
    const drawn = drawNetwork(network, element, {
      onNode: (id) => {
        setEdge(null);
        onNode(id);
      },
      onEdge: (source, target) => {
        onNode(null);
        setEdge([source, target]);
      },
      onStage: () => setEdge(null),
    });
    drawing.current = drawn.canvas;
    void drawn.painted.then(setTiming);
    return () => {
      drawn.kill();
      drawing.current = null;
    };
  }, [network, onNode]);

  // The selected card is highlighted (and its links).
  useEffect(() => {
    drawing.current?.select(selected);
  }, [selected, network]);
  useEffect(() => {
    drawing.current?.selectLink(edge);
  }, [edge]);

  const linking = edge ? articlesLinking(network, edge[0], edge[1]) : [];
  return (
    <section class="network" aria-label="Entity network">
      <p class="muted network-stats" aria-live="polite">
        {network.nodes.length} cards, {network.edges.length} links
        {network.edges.length > MAX_DRAWN_EDGES ? ` (the ${MAX_DRAWN_EDGES.toLocaleString('en')} strongest drawn)` : ''}
        , {network.articles.length} articles
        {timing ? ` · laid out in ${Math.round(timing.layout)} ms, painted in ${Math.round(timing.paint)} ms` : ''}
      </p>
      <div
        ref={container}
        class="network-canvas"
        data-nodes={network.nodes.length}
        data-edges={network.edges.length}
        data-painted={timing ? 'true' : 'false'}
        role="img"
        aria-label={`Network of ${network.nodes.length} cards; choose one in the list below the legend`}
      />
      <div class="network-tools" role="toolbar" aria-label="View of the network">
        <button type="button" class="btn" onClick={() => drawing.current?.zoom(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" class="btn" onClick={() => drawing.current?.zoom(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" class="btn" onClick={() => drawing.current?.fit()}>
          Fit
        </button>
      </div>
      <ul class="legend" aria-label="Kinds">
        {Object.entries(KIND_COLOURS).map(([kind, colour]) => (
          <li key={kind}>
            <span class="swatch" style={{ background: colour }} /> {kind}
          </li>
        ))}
      </ul>
      {edge ? (
        <section class="insight-pane edge-pane" aria-labelledby="edge-title">
          <div class="pane-head">
            <h2 id="edge-title">
              {names.get(edge[0])} — {names.get(edge[1])}
            </h2>
            <button type="button" class="btn" onClick={() => setEdge(null)} aria-label="Close the link">
              ×
            </button>
          </div>
          <p class="muted">
            {linking.length} {linking.length === 1 ? 'article mentions' : 'articles mention'} both
          </p>
          <ArticleList articles={linking} />
        </section>
      ) : null}
      <details class="node-list">
        <summary>Cards in the network (most mentioned first)</summary>
        <ol>
          {[...network.nodes]
            .sort((a, b) => b.mentions - a.mentions)
            .slice(0, 200)
            .map((node) => (
              <li key={node.id}>
                <button type="button" class="linkish" onClick={() => onNode(node.id)}>
                  {node.name}
                </button>{' '}
                <span class="muted">
                  {node.mentions} mentions in {node.articles} articles
                </span>
              </li>
            ))}
        </ol>
      </details>
    </section>
  );
}
