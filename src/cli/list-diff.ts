/**
 * `npm run list-diff -- old.csv new.csv` (or .json): what a new version of a list changes, by card id and content hash,
 * as an import of it reports ("1,204 added, 310 changed, 95 removed"). Both files are read as streams.
 */
import { compactCard, hashText } from '../model/pack-stream';
import { streamPack } from './load-pack';

/** What changed between two versions of a list. */
export interface ListDiff {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** Compares two lists (CSV or JSON) card by card (id and content hash); throws with the first problem of either. */
export async function diffLists(oldPath: string, newPath: string): Promise<ListDiff> {
  const before = new Map<string, string>();
  await streamPack(oldPath, (cards) => {
    for (const card of cards) before.set(card.id, hashText(JSON.stringify(compactCard(card))));
  });
  const diff: ListDiff = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  await streamPack(newPath, (cards) => {
    for (const card of cards) {
      const was = before.get(card.id);
      if (was === undefined) diff.added++;
      else if (was === hashText(JSON.stringify(compactCard(card)))) diff.unchanged++;
      else diff.changed++;
      before.delete(card.id);
    }
  });
  diff.removed = before.size;
  return diff;
}

/** The difference in words. */
export function describeDiff(diff: ListDiff): string {
  const n = (x: number) => x.toLocaleString('en');
  return `${n(diff.added)} added, ${n(diff.changed)} changed, ${n(diff.removed)} removed (${n(diff.unchanged)} unchanged)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [oldPath, newPath] = process.argv.slice(2);
  if (!oldPath || !newPath) {
    console.error('usage: npm run list-diff -- <old.csv|old.json> <new.csv|new.json>');
    process.exit(2);
  }
  try {
    console.log(describeDiff(await diffLists(oldPath, newPath)));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
