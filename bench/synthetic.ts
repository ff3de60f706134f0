import type { DictionaryEntry } from '../src/engine';
import { type Card, slugify } from '../src/model/card';

const FIRST =
  'Ada Amir Anna Bela Carlos Chen Dara Elena Emil Farid Greta Hana Ivan Jana Kofi Lara Li Maria Mateo Nadia Omar Pavel Priya Rosa Sami Tariq Uma Viktor Wen Yara Zoe'.split(
    ' ',
  );
const SYL = 'ka lo ri ven dor mi sa tel ban gor qui zen pha lu mer ost ran tiv eb sol nar kel vu dra pim xo'.split(' ');
const ORG_TAILS = [
  'Group',
  'Holdings',
  'Labs',
  'Systems',
  'Capital',
  'Foundation',
  'Institute',
  'Motors',
  'Bank',
  'Energy',
  'Networks',
  'Media',
];
const TOPIC_WORDS =
  'supply chain risk rare earth quota solar tariff data privacy cloud compute labour strike carbon credit bond yield'.split(
    ' ',
  );

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entries totalling about `aliases` names and aliases: the real cards first, then made-up people, companies and topics. */
export function syntheticEntries(real: readonly DictionaryEntry[], aliases: number, seed = 42): DictionaryEntry[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const word = () => {
    const n = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYL);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out: DictionaryEntry[] = [];
  let count = 0;
  for (const e of real) {
    if (count >= aliases) break;
    out.push(e);
    count += 1 + e.aliases.length;
  }
  for (let i = 0; count < aliases; i++) {
    const r = rnd();
    if (r < 0.5) {
      const surname = word();
      out.push({ id: `p${i}`, name: `${pick(FIRST)} ${surname}`, aliases: [surname], topic: false, kind: 'person' });
      count += 2;
    } else if (r < 0.9) {
      const base = word();
      out.push({ id: `c${i}`, name: `${base} ${pick(ORG_TAILS)}`, aliases: [base], topic: false, kind: 'company' });
      count += 2;
    } else {
      out.push({ id: `t${i}`, name: `${pick(TOPIC_WORDS)} ${word().toLowerCase()}`, aliases: [], topic: true });
      count += 1;
    }
  }
  return out;
}

const TAGS = 'asia europe americas energy chips finance trade security health media'.split(' ');

/** `count` made-up cards with distinct names, aliases, a summary and tags (for the library benchmark). */
export function syntheticCards(count: number, seed = 7): Card[] {
  const rnd = random(seed);
  const seen = new Set<string>();
  const cards: Card[] = [];
  for (const entry of syntheticEntries([], count * 3, seed)) {
    const key = entry.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const tags = [TAGS[Math.floor(rnd() * TAGS.length)]!, TAGS[Math.floor(rnd() * TAGS.length)]!];
    cards.push({
      id: slugify(entry.name),
      name: entry.name,
      kind: entry.topic ? 'topic' : (entry.kind ?? 'entity'),
      aliases: entry.aliases.filter((a) => !seen.has(a.toLowerCase())),
      summary: `${entry.name} is a made-up ${entry.topic ? 'topic' : (entry.kind ?? 'entity')} for measuring the library; it is tracked for ${tags.join(' and ')}.`,
      signals: [],
      implications: [],
      tags: [...new Set(tags)],
      related: [],
      sources: [],
      notes: '',
    });
    if (cards.length === count) break;
  }
  return cards;
}

/**
 * `count` cards as real packs make them: each takes the body of a real card in turn (summary, signals,
 * implications, tags, related names, sources and notes of `templates`, e.g. the built-in and the corpus
 * packs) under a made-up name of its own, so that the library holds cards of real sizes with distinct names.
 */
export function templatedCards(count: number, templates: readonly Card[], seed = 11): Card[] {
  if (templates.length === 0) throw new Error('No template cards');
  return syntheticCards(count, seed).map((made, i) => ({
    ...templates[i % templates.length]!,
    id: made.id,
    name: made.name,
    kind: made.kind,
    aliases: made.aliases,
  }));
}
