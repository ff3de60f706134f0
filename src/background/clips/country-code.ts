import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { Card } from '../../model/card';

countries.registerLocale(en);

/**
 * A country card's ISO 3166 code: the one it carries, else the code its English name (or an alias) names, so
 * that packs written before cards carried codes (or CSV packs, which cannot) still shade the map.
 */
export function countryCode(card: Pick<Card, 'kind' | 'name' | 'aliases' | 'iso'>): string | undefined {
  if (card.iso) return card.iso;
  if (card.kind !== 'country') return undefined;
  for (const name of [card.name, ...card.aliases]) {
    const code = countries.getAlpha2Code(name, 'en');
    if (code) return code;
  }
  return undefined;
}
