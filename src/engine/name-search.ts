import type { Dictionary } from './dictionary';
import { stringAt } from './strings';

/*
 * The library's search over a compiled dictionary's names and aliases (every linked card's, a list of a million
 * names among them), for the side panel: a name or alias in which a word starts with the query, letter case and
 * diacritics aside. ASCII names are compared on their bytes; only the others are decoded.
 */

/** How well a card's names hold the query, best first. */
export const NameRank = { Exact: 0, NameStart: 1, NameWord: 2, Alias: 3 } as const;
const NONE = 255;

/** Lower case, without diacritics, spaces collapsed (as the panel's own search folds). */
export function foldName(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

/** Where a folded text holds the folded query at the start of a word: 0 at its start, 1 further on, -1 not. */
function wordStart(text: string, query: string): number {
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    if (at === 0) return 0;
    if (!isWordChar(text[at - 1]!)) return 1;
  }
  return -1;
}

const isAsciiWordByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** `wordStart` on an ASCII text's bytes, the query being ASCII lower case; null when the text is not ASCII. */
function asciiWordStart(bytes: Uint8Array, from: number, end: number, query: Uint8Array): number | null {
  for (let k = from; k < end; k++) if (bytes[k]! >= 0x80) return null;
  const n = query.length;
  // Spaces collapsed and trimmed by folding: a leading space is not part of the name's first word.
  let start = from;
  while (start < end && bytes[start] === 32) start++;
  for (let at = start; at + n <= end; at++) {
    if (at > start && isAsciiWordByte(bytes[at - 1]!)) continue;
    let k = 0;
    while (k < n) {
      let c = bytes[at + k]!;
      if (c >= 65 && c <= 90) c += 32;
      if (c !== query[k]) break;
      k++;
    }
    if (k === n) return at === start ? 0 : 1;
  }
  return -1;
}

/** The cards (their index in the dictionary) whose names hold `query`, each with its best rank. */
export interface NameMatches {
  /** Per rank (see NameRank), the cards of that rank in the dictionary's order. */
  byRank: number[][];
  /** Number of cards matched. */
  count: number;
}

/**
 * The cards whose name or an alias holds `query` at the start of a word (letter case and diacritics aside),
 * ranked: the name is the query, the name starts with it, a word of the name does, an alias does.
 */
export function searchNames(dict: Dictionary, query: string): NameMatches {
  const folded = foldName(query);
  const byRank: number[][] = [[], [], [], []];
  if (!folded) return { byRank, count: 0 };
  const ascii = !/[^\x20-\x7e]/.test(folded);
  const queryBytes = ascii ? new TextEncoder().encode(folded) : null;
  const { bytes, offsets } = dict.entryTexts;
  const rank = new Uint8Array(dict.entryCount).fill(NONE);
  let entry = 0;
  const texts = offsets.length - 1;
  for (let text = 0; text < texts; text++) {
    while (entry + 1 < dict.entryCount && dict.entryTextStart[entry + 1]! <= text) entry++;
    let at: number | null = queryBytes ? asciiWordStart(bytes, offsets[text]!, offsets[text + 1]!, queryBytes) : null;
    if (at === null) {
      // An ASCII text cannot hold a query that is not ASCII once folded; any other is decoded and folded.
      const skip = !ascii && !hasHighByte(bytes, offsets[text]!, offsets[text + 1]!);
      at = skip ? -1 : wordStart(foldName(stringAt(dict.entryTexts, text)), folded);
    }
    if (at < 0) continue;
    const isName = text === dict.entryTextStart[entry];
    const r = !isName
      ? NameRank.Alias
      : at > 0
        ? NameRank.NameWord
        : foldName(stringAt(dict.entryTexts, text)) === folded
          ? NameRank.Exact
          : NameRank.NameStart;
    if (r < rank[entry]!) rank[entry] = r;
  }
  let count = 0;
  for (let i = 0; i < dict.entryCount; i++) {
    const r = rank[i]!;
    if (r === NONE) continue;
    byRank[r]!.push(i);
    count++;
  }
  return { byRank, count };
}

function hasHighByte(bytes: Uint8Array, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (bytes[k]! >= 0x80) return true;
  return false;
}
