/**
 * Synthetic watchlists: deterministic (seeded) packs of people and companies written as sanctions and PEP lists
 * write them ("SURNAME, Given Names", middle names and initials, titles, transliteration variants, names in
 * Cyrillic, Arabic and Han script, nicknames), in the pack card model, with writers to the pack CSV and JSON
 * formats that stream (a million names never become one string).
 */
import type { Card } from '../../src/model/card';
import { PACK_FORMAT_VERSION } from '../../src/model/pack';
import { random } from '../synthetic';
import {
  ARABIC_GIVEN,
  ARABIC_SURNAME,
  CJK_GIVEN,
  CJK_SURNAME,
  COMPANY_TRADES,
  COMPANY_WORDS,
  CYRILLIC_GIVEN,
  CYRILLIC_PATRONYMIC,
  CYRILLIC_SURNAME,
  LATIN_GIVEN,
  LATIN_SURNAME,
  LEGAL_FORMS,
  type NamePart,
  TITLES,
} from './name-parts';

export interface WatchlistOptions {
  /** Names in all (card names plus aliases): exactly this many. */
  names: number;
  /** Cards wanted; the last card is cut so that `names` is exact (default: names / 3.3, as consolidated lists run). */
  cards?: number;
  seed?: number;
  /** The first card's number in ids (`wl-000001`), so that two lists can be told apart. */
  idPrefix?: string;
}

/** Russian surnames beyond the table: stems and endings, written in Cyrillic (romanised by `romaniseCyrillic`). */
const CYRILLIC_STEMS =
  '\u0411\u0435\u043b \u0427\u0435\u0440\u043d \u0413\u043e\u043d\u0447\u0430\u0440 \u041a\u043e\u0432\u0430\u043b \u041c\u0435\u043b\u044c\u043d\u0438\u043a \u041a\u0440\u0430\u0432\u0447 \u0422\u0430\u0440\u0430\u0441 \u0414\u043e\u0440\u043e\u0448 \u041b\u044b\u0441 \u0417\u0443\u0431 \u041a\u0438\u0440\u0438\u043b\u043b \u0422\u0438\u043c\u043e\u0444\u0435 \u0421\u0438\u0434\u043e\u0440 \u0416\u0443\u043a \u0425\u043e\u043c\u044f\u043a \u0428\u0443\u0432\u0430\u043b \u0420\u0443\u0434\u043d \u041a\u0430\u043b\u0438\u043d \u0413\u0443\u0441 \u0411\u0430\u0440\u0430\u043d \u041a\u0443\u043b\u0438\u043a \u041b\u0430\u0432\u0440 \u0413\u0440\u043e\u043c \u0417\u0438\u043c \u0414\u0435\u043c\u0438\u0434 \u0424\u0440\u043e\u043b \u0411\u043e\u0433\u0434\u0430\u043d \u0422\u0438\u0445\u043e\u043d \u041c\u0430\u043a\u0441\u0438\u043c \u042e\u0434\u0438\u043d'.split(
    ' ',
  );
const CYRILLIC_ENDINGS = [
  '\u043e\u0432',
  '\u0438\u043d',
  '\u0435\u043d\u043a\u043e',
  '\u0441\u043a\u0438\u0439',
  '\u0446\u0435\u0432',
];

/** Russian letters romanised, the first spelling as BGN/PCGN writes it, then the ones lists also use. */
const CYRILLIC_LATIN: Record<string, readonly string[]> = Object.fromEntries(
  '\u0430=a \u0431=b \u0432=v \u0433=g \u0434=d \u0435=e \u0451=yo/e \u0436=zh \u0437=z \u0438=i \u0439=y/i \u043a=k \u043b=l \u043c=m \u043d=n \u043e=o \u043f=p \u0440=r \u0441=s \u0442=t \u0443=u \u0444=f \u0445=kh/h \u0446=ts/tz \u0447=ch \u0448=sh \u0449=shch \u044a= \u044b=y \u044c= \u044d=e \u044e=yu/iu \u044f=ya/ia'
    .split(' ')
    .map((pair) => {
      const [letter = '', spellings = ''] = pair.split('=');
      return [letter, spellings.split('/')];
    }),
);

/** A Cyrillic word in Latin letters; `variant` picks the second spelling of letters that have one. */
export function romaniseCyrillic(word: string, variant = false): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const spellings = CYRILLIC_LATIN[lower];
    if (!spellings) {
      out += ch;
      continue;
    }
    const latin = (variant ? spellings[1] : undefined) ?? spellings[0] ?? '';
    out += ch === lower || latin === '' ? latin : latin[0]!.toUpperCase() + latin.slice(1);
  }
  return out;
}

const NICKNAMES = ['Tiger', 'Doctor', 'The Engineer', 'Professor', 'Hajji', 'Lion', 'Uncle', 'The Sheikh', 'Falcon'];
const PROGRAMMES = ['SDGT', 'UKRAINE-EO13661', 'IRAN', 'SYRIA', 'DPRK', 'RUSSIA-EO14024', 'PEP', 'GLOMAG', 'CYBER'];
const COUNTRIES = ['Russia', 'Syria', 'Iran', 'China', 'Lebanon', 'Iraq', 'Venezuela', 'Belarus', 'Cyprus', 'UAE'];

type Rng = () => number;

/** One person or company before it is a card: its Latin primary name and every other way a list writes it. */
interface Listed {
  kind: 'person' | 'company';
  primary: string;
  variants: string[];
  /** How many of the first variants come first in this order (the usual order, then the name as written at home). */
  leading: number;
}

const upper = (s: string) => s.toLocaleUpperCase('en');
const spelling = (part: NamePart, i: number) => part.latin[Math.min(i, part.latin.length - 1)]!;

function person(rnd: Rng): Listed {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const r = rnd();
  const variants: string[] = [];
  let surname: NamePart;
  let given: NamePart;
  let middle: NamePart | undefined;
  let native = 0;
  if (r < 0.5) {
    given = pick(LATIN_GIVEN);
    surname = pick(LATIN_SURNAME);
    const m = rnd();
    // A middle name, a middle initial (SMITH, John A.) or none.
    middle =
      m < 0.45
        ? pick(LATIN_GIVEN)
        : m < 0.65
          ? { latin: [`${String.fromCharCode(65 + Math.floor(rnd() * 26))}.`] }
          : undefined;
  } else if (r < 0.72) {
    given = pick(CYRILLIC_GIVEN);
    middle = rnd() < 0.7 ? patronymic(pick(CYRILLIC_PATRONYMIC), given) : undefined;
    if (rnd() < 0.4) surname = pick(CYRILLIC_SURNAME);
    else {
      const native = pick(CYRILLIC_STEMS) + pick(CYRILLIC_ENDINGS);
      surname = { native, latin: [...new Set([romaniseCyrillic(native), romaniseCyrillic(native, true)])] };
    }
    const inCyrillic = [surname.native, given.native, middle?.native].filter(Boolean).join(' ');
    variants.push(rnd() < 0.5 ? inCyrillic : `${given.native} ${surname.native}`);
    native = 1;
  } else if (r < 0.88) {
    given = pick(ARABIC_GIVEN);
    surname = pick(ARABIC_SURNAME);
    const father = rnd() < 0.5 ? pick(ARABIC_GIVEN) : undefined;
    if (father) middle = { native: `\u0628\u0646 ${father.native}`, latin: father.latin.map((f) => `bin ${f}`) };
    variants.push([given.native, middle?.native, surname.native].filter(Boolean).join(' '));
    native = 1;
    if (rnd() < 0.3) variants.push(`Abu ${spelling(pick(ARABIC_GIVEN), 0)}`);
  } else {
    surname = pick(CJK_SURNAME);
    given = rnd() < 0.5 ? pick(CJK_GIVEN) : joinCjk(pick(CJK_GIVEN), pick(CJK_GIVEN));
    variants.push(`${surname.native}${given.native}`);
    native = 1;
    variants.push(`${spelling(surname, 0)} ${spelling(given, 0)}`);
  }
  const g = spelling(given, 0);
  const s = spelling(surname, 0);
  const m = middle ? spelling(middle, 0) : '';
  const primary = `${upper(s)}, ${g}${m ? ` ${m}` : ''}`;
  variants.unshift(`${g}${m ? ` ${m}` : ''} ${s}`);
  if (m) variants.push(`${g} ${s}`, m.endsWith('.') ? `${g[0]}. ${m} ${s}` : `${g} ${m[0]}. ${s}`);
  variants.push(`${g[0]}. ${s}`);
  for (let i = 1; i < Math.max(given.latin.length, surname.latin.length); i++) {
    variants.push(
      `${upper(spelling(surname, i))}, ${spelling(given, i)}`,
      `${spelling(given, i)} ${spelling(surname, i)}`,
    );
  }
  variants.push(`${pick(TITLES)} ${g} ${s}`);
  if (rnd() < 0.05) variants.push(g);
  if (rnd() < 0.02) variants.push(pick(NICKNAMES));
  return { kind: 'person', primary, variants, leading: 1 + native };
}

/** Russian women's given names end in -а or -я; their patronymic ends in -овна/-евна, not -ович/-евич. */
function patronymic(father: NamePart, given: NamePart): NamePart {
  if (!/[\u0430\u044f]$/.test(given.native ?? '')) return father;
  return {
    native: father.native?.replace(/\u0438\u0447$/, '\u043d\u0430'),
    latin: father.latin.map((l) => l.replace(/ich$/, 'na')),
  };
}

function joinCjk(a: NamePart, b: NamePart): NamePart {
  const p = spelling(a, 0) + spelling(b, 0).toLowerCase();
  return { native: `${a.native}${b.native}`, latin: [p] };
}

function company(rnd: Rng): Listed {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const first = pick(COMPANY_WORDS);
  const second = rnd() < 0.6 ? pick(COMPANY_WORDS) : '';
  const base = [first, second === first ? '' : second, pick(COMPANY_TRADES)].filter(Boolean).join(' ');
  const form = pick(LEGAL_FORMS);
  const primary = `${base} ${form}`;
  const variants = [base, upper(base), `${base} ${pick(LEGAL_FORMS)}`];
  if (rnd() < 0.3) variants.push(`${pick(COMPANY_WORDS)} ${pick(COMPANY_TRADES)} ${pick(LEGAL_FORMS)}`);
  return { kind: 'company', primary, variants, leading: 1 };
}

/** The key two names share when a pack counts them as the same name. */
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A synthetic watchlist of exactly `names` names (card names plus aliases) over about `cards` cards, the same for
 * the same options. Card names are unique (as a pack requires); each card's aliases are distinct.
 */
export function* watchlistCards(options: WatchlistOptions): Generator<Card> {
  const total = Math.max(0, Math.floor(options.names));
  const cards = Math.max(1, Math.floor(options.cards ?? Math.ceil(total / 3.3)));
  const prefix = options.idPrefix ?? 'wl';
  const rnd = random(options.seed ?? 1);
  const used = new Set<string>();
  let left = total;
  for (let n = 1; left > 0; n++) {
    let listed: Listed | undefined;
    for (let attempt = 0; attempt < 50 && !listed; attempt++) {
      const candidate = rnd() < 0.7 && attempt < 40 ? person(rnd) : company(rnd);
      if (!used.has(nameKey(candidate.primary))) listed = candidate;
    }
    // Every combination drawn is taken: number the company, as registries do with a successor.
    if (!listed) {
      const c = company(rnd);
      listed = { ...c, primary: `${c.primary} (No. ${n})` };
    }
    used.add(nameKey(listed.primary));
    const cardsLeft = Math.max(1, cards - n + 1);
    const mean = left / cardsLeft - 1;
    const want = Math.min(left - 1, Math.max(0, Math.round(mean + (rnd() - 0.5) * Math.min(mean, 4))));
    const seen = new Set([nameKey(listed.primary)]);
    const aliases: string[] = [];
    // The name in its usual order and as written at home first (lists nearly always give them), the rest in any order.
    const others = listed.variants.slice(listed.leading);
    for (let i = others.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [others[i], others[j]] = [others[j]!, others[i]!];
    }
    for (const variant of [...listed.variants.slice(0, listed.leading), ...others]) {
      if (aliases.length >= want) break;
      const key = nameKey(variant);
      if (!seen.has(key) && variant.length <= 200) {
        seen.add(key);
        aliases.push(variant);
      }
    }
    left -= 1 + aliases.length;
    const programme = PROGRAMMES[Math.floor(rnd() * PROGRAMMES.length)]!;
    const country = COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!;
    const year = 2008 + Math.floor(rnd() * 18);
    yield {
      id: `${prefix}-${String(n).padStart(7, '0')}`,
      name: listed.primary,
      kind: listed.kind,
      aliases,
      summary:
        listed.kind === 'person'
          ? `Listed ${year} under ${programme}; nationality ${country}.`
          : `Listed ${year} under ${programme}; registered in ${country}.`,
      signals: [],
      implications: [],
      tags: ['watchlist', programme.toLowerCase()],
      related: [],
      sources: [],
      notes: '',
    };
  }
}

/** Every card of a synthetic watchlist, as an array (fine for tests and lists of up to a few hundred thousand names). */
export function watchlist(options: WatchlistOptions): Card[] {
  return [...watchlistCards(options)];
}

/** What the pack file says about itself. */
export interface WatchlistMeta {
  id: string;
  name: string;
  version: string;
  description: string;
}

export const DEFAULT_WATCHLIST_META: WatchlistMeta = {
  id: 'watchlist',
  name: 'Synthetic watchlist',
  version: '1.0.0',
  description: 'Made-up people and companies, written as sanctions and PEP lists write them.',
};

/** A CSV cell as the pack CSV writes it: formula-like starts get an apostrophe; quoted where it must be. */
function csvCell(cell: string): string {
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The pack CSV (`name,aliases,kind,summary,tags`), one line at a time, as `serialisePackCsv` writes it. */
export function* packCsvLines(cards: Iterable<Card>): Generator<string> {
  yield 'name,aliases,kind,summary,tags\n';
  for (const c of cards) {
    yield `${[c.name, c.aliases.join('|'), c.kind, c.summary, c.tags.join('|')].map(csvCell).join(',')}\n`;
  }
}

/** The pack JSON, one card at a time: the same pack `serialisePackJson` writes (without its indentation). */
export function* packJsonChunks(
  cards: Iterable<Card>,
  meta: WatchlistMeta = DEFAULT_WATCHLIST_META,
): Generator<string> {
  const head = JSON.stringify({ format: 'dossier-pack', formatVersion: PACK_FORMAT_VERSION, ...meta });
  yield `${head.slice(0, -1)},"cards":[`;
  let first = true;
  for (const card of cards) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(card)}`;
    first = false;
  }
  yield '\n]}\n';
}
