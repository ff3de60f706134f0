import { resolve } from 'node:path';
import type { CorpusSplit } from './corpus';
import { readCorpus } from './corpus';
import { evaluatePdfs } from './eval-pdf';
import { evaluateBaseline, evaluateEngine, splitScores } from './evaluate';
import { readPack } from './load-pack';
import type { MicroScores, ScoredMention } from './score';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--pack');
const packAt = args.indexOf('--pack');
// The held-out pages' errors stay hidden unless asked for: rules are tuned on the other pages only.
const showHeldOut = args.includes('--show-held-out');
if (!dir) {
  console.error('usage: npm run eval -- <corpus dir> [--pack <pack.csv|pack.json>] [--show-held-out] [--no-pdf]');
  process.exit(2);
}
const pack = readPack(packAt >= 0 ? args[packAt + 1]! : resolve(dir, '../pack.csv'));
const pages = readCorpus(dir);
const engine = evaluateEngine(pages, pack);
const plain = evaluateBaseline(pages, pack);

const show = (m: ScoredMention) =>
  `${m.entity} "${m.quote}"  …${m.prefix.slice(-24)}[${m.quote}]${m.suffix.slice(0, 24)}…`.replace(/\n/g, '⏎');
const byCard = new Map<string, { fp: number; fn: number }>();
for (const { page, split, score } of engine.pages) {
  console.log(
    `${page.padEnd(16)} ${split.padEnd(8)}  tp ${String(score.truePositives).padStart(3)}  fp ${score.falsePositives.length}  fn ${score.falseNegatives.length}`,
  );
  if (split === 'held-out' && !showHeldOut) continue;
  for (const m of score.falsePositives) console.log(`   + wrong  ${show(m)}${m.fuzzy ? '  (near miss)' : ''}`);
  for (const m of score.falseNegatives) console.log(`   - missed ${show(m)}`);
  for (const m of score.falsePositives)
    byCard.set(m.entity, { fp: (byCard.get(m.entity)?.fp ?? 0) + 1, fn: byCard.get(m.entity)?.fn ?? 0 });
  for (const m of score.falseNegatives)
    byCard.set(m.entity, { fp: byCard.get(m.entity)?.fp ?? 0, fn: (byCard.get(m.entity)?.fn ?? 0) + 1 });
}
if (byCard.size > 0) {
  console.log(`\nerrors by card${showHeldOut ? '' : ' (tune pages)'}`);
  for (const [card, e] of [...byCard].sort((a, b) => b[1].fp + b[1].fn - a[1].fp - a[1].fn)) {
    console.log(`  ${card.padEnd(34)} fp ${e.fp}  fn ${e.fn}`);
  }
}
const line = (label: string, e: MicroScores) =>
  `${label.padEnd(36)} precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  F1 ${e.f1.toFixed(3)}` +
  `  (tp ${e.truePositives}, fp ${e.falsePositives}, fn ${e.falseNegatives})  ` +
  (e.fuzzyLinks === 0
    ? 'no near-miss links'
    : `near-miss links ${e.fuzzyLinks}, precision ${e.fuzzyPrecision.toFixed(3)}`);
console.log(`\n${pages.length} pages, ${pack.cards.length} cards`);
for (const split of ['tune', 'held-out'] as CorpusSplit[]) {
  const count = pages.filter((p) => p.split === split).length;
  console.log(`\n${split} (${count} pages)`);
  console.log(line('  plain case-insensitive exact alias', splitScores(plain, split)));
  console.log(line('  engine', splitScores(engine, split)));
}
// The engine's line over all pages comes last: it is the figure this command is for.
console.log(`\nall ${pages.length} pages`);
console.log(line('  plain case-insensitive exact alias', plain));
console.log(line('  engine', engine));
// The same pages printed to PDF and read back as the PDF reader reads them (`--no-pdf` leaves them out).
if (!args.includes('--no-pdf')) {
  const pdf = await evaluatePdfs(dir, pages, pack);
  console.log(line('engine on the pages as PDFs', pdf));
  for (const { page, score } of pdf.pages) {
    const html = engine.pages.find((p) => p.page === page)?.score;
    if (!html) continue;
    const differs =
      html.truePositives !== score.truePositives || html.falsePositives.length !== score.falsePositives.length;
    if (differs)
      console.log(
        `   pdf ${page.padEnd(16)} tp ${score.truePositives}  fp ${score.falsePositives.length}  fn ${score.falseNegatives.length}`,
      );
  }
}
