import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

/*
 * The world map's shapes, bundled (Natural Earth 1:110m from world-atlas, about 100 KB): nothing is fetched.
 * world-atlas names countries by ISO 3166 numeric code; cards carry alpha-2 or alpha-3 codes.
 */

/** A country drawn on the map. */
export interface CountryShape {
  /** ISO 3166 numeric code ('' for the few territories without one). */
  numeric: string;
  name: string;
  /** SVG path data. */
  d: string;
}

/** The map's size in SVG units. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

let shapes: CountryShape[] | null = null;

/** Every country's outline, projected once (Natural Earth projection). */
export function worldShapes(): CountryShape[] {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const path = geoPath(projection);
  shapes = collection.features.flatMap((country) => {
    const d = path(country);
    return d ? [{ numeric: String(country.id ?? ''), name: country.properties?.name ?? '', d }] : [];
  });
  return shapes;
}

/** The ISO numeric code of an alpha-2 or alpha-3 code (undefined when unknown). */
export function numericOf(iso: string): string | undefined {
  const code = iso.toUpperCase();
  return code.length === 2 ? countries.alpha2ToNumeric(code) : countries.alpha3ToNumeric(code);
}
