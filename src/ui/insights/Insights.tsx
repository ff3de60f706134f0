import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { InsightData } from '../../messaging/protocol';
import { articlesOf, coMentionNetwork } from '../../model/insights/co-mention';
import { countryMentions } from '../../model/insights/country-mentions';
import type { InsightFilter } from '../../model/insights/sources';
import { CardPane } from './CardPane';
import { Filters } from './Filters';
import { MapView } from './MapView';
import { NetworkView } from './NetworkView';
import { TimelineView } from './TimelineView';
import { type HashState, type InsightView, readHash, writeHash } from './view-hash';

const VIEWS: Array<{ view: InsightView; label: string }> = [
  { view: 'network', label: 'Network' },
  { view: 'map', label: 'Map' },
  { view: 'timeline', label: 'Timeline' },
];

/**
 * The insight page: the entity network, the world map and a card's timeline, drawn from the clips (and the
 * visited pages, when the history is on), under one set of filters. One page rather than three, so that the
 * data is read once and the filters carry over between the views.
 */
export function Insights({ data: given }: { data?: InsightData }) {
  const [data, setData] = useState<InsightData | null>(given ?? null);
  const [error, setError] = useState<string | null>(null);
  const [hash, setHash] = useState<HashState>(() => readHash(location.hash));
  const [filter, setFilter] = useState<InsightFilter>({});

  useEffect(() => {
    if (given) return;
    void sendToBackground('insights.data', {}).then((result) => {
      if (result.ok) setData(result.value);
      else setError(result.error);
    });
  }, [given]);
  useEffect(() => {
    const read = () => setHash(readHash(location.hash));
    addEventListener('hashchange', read);
    return () => removeEventListener('hashchange', read);
  }, []);
  const go = useCallback((next: HashState) => {
    history.replaceState(null, '', writeHash(next));
    setHash(next);
  }, []);

  const cards = data?.cards ?? [];
  const network = useMemo(() => coMentionNetwork(data?.articles ?? [], cards, filter), [data, filter]);
  const countries = useMemo(() => countryMentions(data?.articles ?? [], cards, filter), [data, filter]);
  const names = useMemo(() => new Map(cards.map((c) => [c.id, c.name])), [cards]);
  const teams = useMemo(() => [...new Set(cards.flatMap((c) => c.teams))].sort(), [cards]);
  const onNode = useCallback((id: string | null) => go({ view: hash.view, card: id }), [go, hash.view]);

  return (
    <main class="insights">
      <header class="insights-head">
        <h1>Dossier insights</h1>
        <div class="tabs" role="tablist" aria-label="Views">
          {VIEWS.map(({ view, label }) => (
            <button
              key={view}
              type="button"
              role="tab"
              id={`tab-${view}`}
              aria-selected={hash.view === view}
              aria-controls="insight-view"
              onClick={() => go({ view, card: hash.card })}
            >
              {label}
            </button>
          ))}
        </div>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      {data ? (
        <>
          <Filters cards={cards} teams={teams} filter={filter} history={data.history.enabled} onChange={setFilter} />
          {data.articles.length === 0 ? (
            <p class="muted">
              Nothing to draw yet: clip articles (side panel, Clip page) or turn on the history of visited pages
              (options page).
            </p>
          ) : null}
          <div class="insight-body">
            <div id="insight-view" role="tabpanel" aria-labelledby={`tab-${hash.view}`}>
              {hash.view === 'network' ? <NetworkView network={network} selected={hash.card} onNode={onNode} /> : null}
              {hash.view === 'map' ? (
                <MapView countries={countries} names={names} selected={hash.card} onCountry={onNode} />
              ) : null}
              {hash.view === 'timeline' ? (
                <TimelineView
                  articles={data.articles}
                  cards={cards}
                  filter={filter}
                  cardId={hash.card}
                  onCard={(card) => go({ view: 'timeline', card })}
                />
              ) : null}
            </div>
            {hash.card && hash.view !== 'timeline' ? (
              <CardPane
                cardId={hash.card}
                articles={articlesOf(network, hash.card)}
                onTimeline={(card) => go({ view: 'timeline', card })}
                onClose={() => onNode(null)}
              />
            ) : null}
          </div>
        </>
      ) : error ? null : (
        <p class="muted">Loading…</p>
      )}
    </main>
  );
}
