import * as v from 'valibot';

/** Longest text a single card field may hold; keeps a hostile pack from bloating the store. */
export const MAX_TEXT = 4000;
/** Longest name or alias. */
export const MAX_NAME = 200;
/** Most aliases one card may carry: the same in import, in the store and on a team's server. */
export const MAX_ALIASES = 1000;
/** Largest card, as UTF-8 JSON: the same in import, in the store and on a team's server. */
export const MAX_CARD_BYTES = 256 * 1024;

/** Something that reads as an HTML tag: `<b>`, `</script>`, `<img src=x onerror=…>`, `<!-- -->`. */
const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>/i;
const plain = v.check((value: string) => !MARKUP.test(value), 'must be plain text, not HTML markup');

const text = (max = MAX_TEXT) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`), plain);
const name = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_NAME, `must be at most ${MAX_NAME} characters`),
  plain,
  // A spreadsheet opening an exported pack would run such a cell as a formula.
  v.check((value: string) => !/^[=+\-@]/.test(value), 'must not start with =, +, - or @ (a spreadsheet formula)'),
);

/** A card's kind: `topic` for keywords and themes, anything else (country, company, person…) is an entity. */
export const KindSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case word such as country, company, person or topic'),
);

/** Words that must (or must not) appear near a mention for it to link: "Apple" the company, not "apple pie". */
export const ContextRulesSchema = v.strictObject({
  require: v.optional(v.array(name), []),
  exclude: v.optional(v.array(name), []),
});

/** Most terms one list of a signal's rule may hold, and most "any of" groups. */
export const MAX_RULE_TERMS = 50;
const terms = v.pipe(v.array(name), v.maxLength(MAX_RULE_TERMS, `must hold at most ${MAX_RULE_TERMS} terms`));

/**
 * When a signal fires: terms that must co-occur on a page. A term naming a card (its id, name or an alias) is
 * that card's mentions; any other term is a keyword, matched in any inflection ("rent" finds "rented"). The
 * signal fires where every `all` term, one term of each `any` group and no `none` term stand together, within
 * one paragraph or anywhere on the page (`scope`).
 */
export const SignalRuleSchema = v.pipe(
  v.strictObject({
    all: v.optional(terms, []),
    any: v.optional(
      v.pipe(
        v.array(v.pipe(terms, v.minLength(1, 'an "any of" group must not be empty'))),
        v.maxLength(MAX_RULE_TERMS, `must hold at most ${MAX_RULE_TERMS} groups`),
      ),
      [],
    ),
    none: v.optional(terms, []),
    scope: v.optional(v.picklist(['paragraph', 'page'], 'must be paragraph or page'), 'paragraph'),
  }),
  v.check((rule) => rule.all.length + rule.any.length > 0, 'needs at least one "all of" term or "any of" group'),
);

/** A thing to watch for, and optionally the rule that says when a page shows it. */
export const SignalSchema = v.strictObject({
  text: text(),
  rule: v.optional(SignalRuleSchema),
});

/** The size of a value as UTF-8 JSON, in bytes (Infinity when it cannot be written as JSON). */
export function jsonBytes(value: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return json === undefined ? 0 : new TextEncoder().encode(json).length;
}

/** A card's id: a lower-case slug. */
export const CardIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._:-]{0,127}$/, 'must be a lower-case slug'));

/**
 * A bound the UTF-8 JSON of a value never exceeds: each UTF-16 unit of a string at most 6 bytes (`\u001f`),
 * numbers 24, and the punctuation. Cheap, so that the exact size is computed only near the limit.
 */
function jsonBytesBound(value: unknown, depth = 0): number {
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (value === null || typeof value !== 'object') return 24;
  if (depth > 16) return Number.POSITIVE_INFINITY;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += 1 + jsonBytesBound(item, depth + 1);
  } else {
    for (const [key, item] of Object.entries(value)) bytes += 4 + 6 * key.length + jsonBytesBound(item, depth + 1);
  }
  return bytes;
}

/** Whether a value's UTF-8 JSON is at most `max` bytes. */
export function jsonBytesWithin(value: unknown, max: number): boolean {
  return jsonBytesBound(value) <= max || jsonBytes(value) <= max;
}

const cardFields = v.strictObject({
  id: CardIdSchema,
  name,
  kind: KindSchema,
  aliases: v.optional(
    v.pipe(v.array(name), v.maxLength(MAX_ALIASES, `must hold at most ${MAX_ALIASES.toLocaleString('en')} aliases`)),
    [],
  ),
  summary: v.optional(text(), ''),
  signals: v.optional(v.array(SignalSchema), []),
  implications: v.optional(v.array(text()), []),
  tags: v.optional(v.array(v.pipe(name, v.maxLength(64, 'must be at most 64 characters'))), []),
  related: v.optional(v.array(name), []),
  sources: v.optional(v.array(text(2000)), []),
  notes: v.optional(text(20000), ''),
  context: v.optional(ContextRulesSchema),
  /** A country's ISO 3166 code, alpha-2 or alpha-3 (the map shades the country by its card's mentions). */
  iso: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toUpperCase(),
      v.regex(/^[A-Z]{2,3}$/, 'must be an ISO 3166 code such as CN or CHN'),
    ),
  ),
});

/**
 * The card as stored and exchanged: one intelligence card about one entity or topic, at most MAX_CARD_BYTES as
 * UTF-8 JSON.
 */
export const CardSchema = v.pipe(
  cardFields,
  v.check(
    (card) => jsonBytesWithin(card, MAX_CARD_BYTES),
    `a card must be at most ${MAX_CARD_BYTES / 1024} KB as UTF-8 JSON`,
  ),
);

/**
 * Why a card breaks the limits every path shares (MAX_ALIASES, MAX_CARD_BYTES), or null: a cheap check for a
 * card already typed as one, before it is stored or sent.
 */
export function cardLimitError(card: Pick<Card, 'aliases'>): string | null {
  if (!Array.isArray(card.aliases)) return 'aliases: must be a list';
  if (card.aliases.length > MAX_ALIASES) {
    return `aliases: must hold at most ${MAX_ALIASES.toLocaleString('en')} aliases, not ${card.aliases.length.toLocaleString('en')}`;
  }
  const bytes = jsonBytesWithin(card, MAX_CARD_BYTES) ? 0 : jsonBytes(card);
  if (bytes > MAX_CARD_BYTES) {
    return `a card must be at most ${MAX_CARD_BYTES / 1024} KB as UTF-8 JSON, not ${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
  }
  return null;
}

/** One intelligence card. */
export type Card = v.InferOutput<typeof CardSchema>;
/** A signal's co-occurrence rule. */
export type SignalRule = v.InferOutput<typeof SignalRuleSchema>;
/** A card's key signal. */
export type Signal = v.InferOutput<typeof SignalSchema>;
/** A card's context rules. */
export type ContextRules = v.InferOutput<typeof ContextRulesSchema>;

/** Whether a card is a topic (tagging) rather than an entity (identifying). */
export function isTopic(card: Pick<Card, 'kind'>): boolean {
  return card.kind === 'topic';
}

/** Whether a card carries a watch-signal rule (what the signal watch compiles). */
export function hasSignalRule(card: Pick<Card, 'signals'>): boolean {
  return card.signals.some((signal) => signal.rule !== undefined);
}

/** A stable, readable id for a card of a pack: `china`, `export-controls`. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96);
  return slug || 'card';
}

/** A card reduced to what the matching engine needs (the engine's DictionaryEntry). */
export function toEntry(card: Card) {
  return {
    id: card.id,
    name: card.name,
    aliases: card.aliases,
    topic: isTopic(card),
    kind: card.kind,
    ...(card.context ? { context: card.context } : {}),
  };
}
