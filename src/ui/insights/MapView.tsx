import { useMemo } from 'preact/hooks';
import type { CountryMentions } from '../../model/insights/country-mentions';
import { MAP_HEIGHT, MAP_WIDTH, numericOf, worldShapes } from './world-shapes';

interface Props {
  countries: readonly CountryMentions[];
  names: ReadonlyMap<string, string>;
  selected: string | null;
  onCountry: (cardId: string) => void;
}

/** Shade steps, lightest to darkest (mixed with the page's accent colour in CSS). */
const STEPS = 6;

/** The world map, each country shaded by its mentions over the filters' period, each clickable to its card. */
export function MapView({ countries, names, selected, onCountry }: Props) {
  const shapes = worldShapes();
  const byNumeric = useMemo(() => {
    const map = new Map<string, CountryMentions>();
    for (const entry of countries) {
      const numeric = numericOf(entry.iso);
      if (numeric) map.set(numeric, entry);
    }
    return map;
  }, [countries]);
  const most = Math.max(1, ...countries.map((c) => c.mentions));
  const step = (mentions: number) =>
    mentions ? 1 + Math.floor((Math.log1p(mentions) / Math.log1p(most)) * (STEPS - 1)) : 0;
  const shaded = countries.filter((c) => c.mentions > 0);
  return (
    <section class="map" aria-label="World map">
      <p class="muted">
        {shaded.length} of {countries.length} tracked countries mentioned in the period
      </p>
      <svg
        class="world"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        aria-label="Countries shaded by mentions"
        data-shaded={shaded.length}
      >
        {shapes.map((shape, i) => {
          const entry = byNumeric.get(shape.numeric);
          const level = entry ? step(entry.mentions) : 0;
          const cardId = entry?.cardIds[0];
          const label = entry
            ? `${names.get(cardId ?? '') ?? shape.name}: ${entry.mentions} mentions in ${entry.articles} articles`
            : shape.name;
          return (
            <path
              // Shapes never change order; a few territories share the empty code.
              key={`${shape.numeric}-${i}`}
              d={shape.d}
              class={`country level-${level}${cardId && cardId === selected ? ' selected' : ''}${cardId ? ' tracked' : ''}`}
              data-iso={entry?.iso}
              data-mentions={entry?.mentions ?? 0}
              {...(cardId
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-label': label,
                    onClick: () => onCountry(cardId),
                    onKeyDown: (event: KeyboardEvent) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        onCountry(cardId);
                      }
                    },
                  }
                : {})}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <div class="map-scale" aria-hidden="true">
        <span>fewer</span>
        {Array.from({ length: STEPS }, (_, i) => (
          <span key={i} class={`swatch level-${i + 1}`} />
        ))}
        <span>more mentions</span>
      </div>
      <table class="country-table">
        <caption class="muted">Tracked countries</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Mentions</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {countries.map((entry) => (
            <tr key={entry.iso}>
              <td>
                <button type="button" class="linkish" onClick={() => onCountry(entry.cardIds[0] as string)}>
                  {names.get(entry.cardIds[0] ?? '') ?? entry.iso}
                </button>{' '}
                <span class="muted">{entry.iso}</span>
              </td>
              <td>{entry.mentions}</td>
              <td>{entry.articles}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
