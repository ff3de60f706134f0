import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { anchor } from '/work/main/src/anchor/quote';
const html = readFileSync('/work/shared/corpus/dev/guardian-1/source.html', 'utf8');
import { extractText } from '/work/main/src/cli/extract-text';
const text = extractText(html);
console.log('text length', text.length);
const words = [...text.matchAll(/\S+/g)];
let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const out: any[] = [];
while (out.length < 200) {
  const first = Math.floor(random() * (words.length - 12));
  const last = first + 2 + Math.floor(random() * 10);
  const start = words[first]!.index!;
  const end = words[last]!.index! + words[last]![0].length;
  let exact = text.slice(start, end);
  if (exact.length < 12 || exact.length > 400 || exact.includes('\n')) continue;
  const kind = out.length % 20 === 0 ? 'gone' : out.length % 10 === 5 ? 'edited' : 'moved';
  if (kind === 'gone') exact = 'Quoted text the page no longer has, ' + out.length + ' of them, ' + exact.split('').reverse().join('');
  if (kind === 'edited') exact = exact.slice(0, 4) + exact.slice(5);
  out.push({ sel: [{ type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }, { type: 'TextPositionSelector', start: start + 137, end: start + 137 + exact.length }], kind });
}
const by: Record<string, number> = {};
for (let rep = 0; rep < 1; rep++) for (const o of out) { const t = performance.now(); anchor(text, o.sel); by[o.kind] = (by[o.kind] ?? 0) + performance.now() - t; }
console.log(by);
