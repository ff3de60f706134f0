import { Tokenizer, TokenParser } from '@streamparser/json';
import * as v from 'valibot';
import { type Card, CardSchema } from './card';
import { MAX_PACK_CARDS, MAX_PACK_NAMES, PACK_FORMAT_VERSION, type Pack, PackSchema } from './pack';
import { describeIssues, nameKey, type StreamProgress } from './pack-stream';
import { err, ok, type Result } from './result';
import { Utf8Check } from './utf8-check';

/*
 * A JSON pack read card by card as its bytes arrive: the file is never one string, nor one object. The JSON is
 * tokenized by @streamparser/json, which hands over each element of `cards` once it is complete; each is checked
 * with CardSchema there and then, and dropped from the parser's tree, so a bad card at index 812,345 is named
 * (index and field) as soon as it is read. The pack's other fields may come before or after `cards`.
 */

/** A pack's fields other than its cards. */
export type PackHeader = Omit<Pack, 'cards'>;

const HeaderSchema = v.omit(PackSchema, ['cards']);
const HEADER_FIELDS: Record<string, v.GenericSchema> = HeaderSchema.entries;

const NOT_A_PACK = 'not a Dossier pack: the file must hold one JSON object with "format": "dossier-pack"';

/** Where the parser's message says the JSON breaks, and what it found there, in words. */
function where(message: string, offset: number): string {
  const byte = /^Unexpected (".*") at chunk position "\d+" \(absolute position "(\d+)"\)/.exec(message);
  if (byte) return ` at byte ${byte[2]}: unexpected ${byte[1]}`;
  const token = /^Unexpected \w+ \((.*)\) in state/.exec(message);
  if (token) return ` at byte ${offset}: unexpected ${token[1]}`;
  return `: ${message}`;
}

/** A problem of the pack itself (not of its JSON): thrown from the parser's callback, and caught by the reader. */
class PackProblem extends Error {}

/**
 * Reads a pack in the JSON format as its bytes arrive (`push`, then `end`); each call returns the cards its bytes
 * completed, or the first problem (the reader is then spent). Checks the pack's fields (unknown ones refused, as
 * PackSchema is strict), each card with CardSchema, ids and names used twice, MAX_PACK_CARDS and MAX_PACK_NAMES.
 */
export class JsonPackReader {
  // Strings gathered in a 64 KB buffer rather than byte by byte: about a tenth faster on a 90 MB list.
  private readonly tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
  private readonly parser = new TokenParser({ paths: ['$', '$.*', '$.cards.*'], keepStack: true });
  /** Where the last token began, in bytes from the start of the file. */
  private offset = 0;
  private failed: string | null = null;
  private out: Card[] = [];
  private readonly ids = new Map<string, number>();
  private readonly names = new Map<string, number>();
  private readonly fields = new Set<string>();
  private readonly header: Record<string, unknown> = {};
  private started = false;
  private complete = false;
  /** Cards read so far. */
  cards = 0;
  /** Names read so far (each card's name and aliases). */
  nameCount = 0;

  /** `limits`: at most this many cards and names (MAX_PACK_CARDS and MAX_PACK_NAMES unless said). */
  constructor(private readonly limits = { cards: MAX_PACK_CARDS, names: MAX_PACK_NAMES }) {
    // Wired as the library's JSONParser wires them, with the offset of each token kept to say where JSON breaks.
    this.tokenizer.onToken = (token) => {
      this.offset = token.offset;
      this.parser.write(token);
    };
    this.tokenizer.onEnd = () => {
      if (!this.parser.isEnded) this.parser.end();
    };
    this.parser.onError = (error) => this.tokenizer.error(error);
    this.parser.onEnd = () => {
      if (!this.tokenizer.isEnded) this.tokenizer.end();
    };
    this.parser.onValue = ({ value, key, parent, stack }) => {
      if (stack.length === 0) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PackProblem(NOT_A_PACK);
        this.complete = true;
      } else if (stack.length === 1) {
        if (Array.isArray(parent)) throw new PackProblem(NOT_A_PACK);
        this.field(String(key), value);
      } else if (stack.length === 2 && stack[1]?.key === 'cards') {
        if (!Array.isArray(parent)) throw new PackProblem('cards: must be a list of cards, not an object');
        if (this.fields.has('cards')) throw new PackProblem('the field "cards" is in the pack twice');
        // Dropped from the parser's tree as soon as it is read: the tree never holds the list.
        parent.length -= 1;
        this.card(value);
      }
    };
  }

  /** Reads the next piece of the file (bytes, or text); a value cut at its end waits for the next piece. */
  push(piece: Uint8Array | string): Result<Card[]> {
    if (this.failed) return err(this.failed);
    if (piece.length > 0) this.started = true;
    try {
      this.tokenizer.write(piece);
    } catch (error) {
      return this.fail(error, false);
    }
    const cards = this.out;
    this.out = [];
    return ok(cards);
  }

  /** Ends the file: its last cards and the pack's other fields, or what is missing. */
  end(): Result<{ cards: Card[]; header: PackHeader }> {
    if (this.failed) return err(this.failed);
    if (!this.started) return err('the file is empty');
    try {
      if (!this.tokenizer.isEnded) this.tokenizer.end();
    } catch (error) {
      const failed = this.fail(error, true);
      if (!failed.ok) return failed;
    }
    if (!this.complete) return err('not valid JSON: the file ends before the pack does (is the file complete?)');
    if (this.header.format !== 'dossier-pack') return err('not a Dossier pack: "format" must be "dossier-pack"');
    const header = v.safeParse(HeaderSchema, this.header);
    if (!header.success) return err(describeIssues(header.issues));
    if (!this.fields.has('cards')) return err('cards: is missing');
    if (this.cards === 0) return err('cards: the pack holds no cards');
    const cards = this.out;
    this.out = [];
    return ok({ cards, header: header.output });
  }

  private fail(error: unknown, atEnd: boolean): Result<never> {
    const message = (error as Error).message;
    if (error instanceof PackProblem) this.failed = message;
    else if (atEnd) this.failed = 'not valid JSON: the file ends before the pack does (is the file complete?)';
    else this.failed = `not valid JSON${where(message, this.offset)}`;
    return err(this.failed);
  }

  /** One of the pack's fields other than its cards (or `cards` itself once it is complete), checked as it comes. */
  private field(key: string, value: unknown): void {
    if (this.fields.has(key)) throw new PackProblem(`the field "${key}" is in the pack twice`);
    this.fields.add(key);
    if (key === 'cards') {
      if (!Array.isArray(value)) throw new PackProblem('cards: must be a list of cards');
      return;
    }
    const schema = Object.hasOwn(HEADER_FIELDS, key) ? HEADER_FIELDS[key] : undefined;
    if (!schema) throw new PackProblem(`"${key}" is not a field a Dossier pack has`);
    if (key === 'format' && value !== 'dossier-pack') {
      throw new PackProblem('not a Dossier pack: "format" must be "dossier-pack"');
    }
    if (key === 'formatVersion' && typeof value === 'number' && value > PACK_FORMAT_VERSION) {
      throw new PackProblem(
        `the pack was made by a newer Dossier (format version ${value}; this one reads ${PACK_FORMAT_VERSION}): update Dossier to import it`,
      );
    }
    const checked = v.safeParse(schema, value);
    if (!checked.success) throw new PackProblem(`${key}: ${describeIssues(checked.issues)}`);
    this.header[key] = checked.output;
  }

  private card(value: unknown): void {
    const at = `cards[${this.cards}]`;
    const card = v.safeParse(CardSchema, value);
    if (!card.success) {
      const path = card.issues[0] && v.getDotPath(card.issues[0]);
      throw new PackProblem(`${at}${path ? '.' : ': '}${describeIssues(card.issues)}`);
    }
    const { id, name, aliases } = card.output;
    const sameId = this.ids.get(id);
    if (sameId !== undefined) throw new PackProblem(`${at}.id: "${id}" is also the id of cards[${sameId}]`);
    const key = nameKey(name);
    const sameName = this.names.get(key);
    if (sameName !== undefined) throw new PackProblem(`${at}.name: "${name}" is also the name of cards[${sameName}]`);
    this.ids.set(id, this.cards);
    this.names.set(key, this.cards);
    this.cards++;
    this.nameCount += 1 + aliases.length;
    if (this.cards > this.limits.cards) {
      throw new PackProblem(
        `${at}: the pack holds more than ${this.limits.cards.toLocaleString('en')} cards, the most one pack may hold`,
      );
    }
    if (this.nameCount > this.limits.names) {
      throw new PackProblem(
        `${at}: the pack holds more than ${this.limits.names.toLocaleString('en')} names and aliases, the most one pack may hold`,
      );
    }
    this.out.push(card.output);
  }
}

/**
 * Reads a JSON pack from a stream of bytes (a File's `stream()`, a Node read stream): UTF-8 only; `onCards`
 * receives each piece's cards in file order. Stops (and resolves to the reason) on the first problem or when
 * `signal` is aborted; resolves to the pack's other fields when the whole file was read and every card was valid.
 */
export async function readJsonPackStream(
  chunks: AsyncIterable<Uint8Array>,
  onCards: (cards: Card[], progress: StreamProgress) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<Result<PackHeader>> {
  const reader = new JsonPackReader();
  const check = new Utf8Check();
  let bytes = 0;
  const progress = (): StreamProgress => ({ bytes, cards: reader.cards, names: reader.nameCount });
  for await (const chunk of chunks) {
    if (signal?.aborted) return err('cancelled');
    bytes += chunk.length;
    // The text is only checked (UTF-8, no binary): the parser reads the bytes themselves.
    const text = check.next(chunk);
    if (!text.ok) return text;
    const cards = reader.push(chunk);
    if (!cards.ok) return cards;
    await onCards(cards.value, progress());
  }
  if (signal?.aborted) return err('cancelled');
  const tail = check.end();
  if (!tail.ok) return tail;
  const last = reader.end();
  if (!last.ok) return last;
  await onCards(last.value.cards, progress());
  return ok(last.value.header);
}
