/**
 * Switches each engine rule off in turn (one source edit at a time, undone after) and runs the engine's unit
 * tests, or with --eval the dev-corpus evaluation: every rule must fail at least one test.
 *
 *   npx tsx scripts/engine-rule-switches.ts [--eval <corpus dir>] [rule name …]
 *
 * Refuses to run over uncommitted changes in src/engine, and restores every file it touched, even on failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Switch {
  rule: string;
  file: string;
  on: string;
  off: string;
}

const S = (rule: string, file: string, on: string, off: string): Switch => ({ rule, file, on, off });
const SWITCHES: Switch[] = [
  S('acronyms only in capitals', 'case-rules.ts', 'if (form.acronym) {', 'if (false) {'),
  S('proper names capitalised', 'case-rules.ts', 'if (topic || !form.proper) return true;', 'return true;'),
  S('shouted acronym', 'case-rules.ts', 'if (!form.ordinary || first === 0) return false;', 'return false;'),
  S('shouted: article before', 'case-rules.ts', '!ARTICLES.has(normAt(tokens, prev)) && ', ''),
  S('shouted: covered word before', 'case-rules.ts', ' && !covered(prev);', ';'),
  S(
    'shouted: only acronyms that spell a word',
    'compile.ts',
    'ordinary: shape.acronym && single && isOrdinaryWord(keys[0]!),',
    'ordinary: shape.acronym && single,',
  ),
  S('context: exclude', 'context-rules.ts', 'if (entry.exclude.some(near)) return false;', ''),
  S(
    'context: require',
    'context-rules.ts',
    'return entry.require.length === 0 || entry.require.some(near);',
    'return true;',
  ),
  S('context: window', 'context-rules.ts', 'const from = Math.max(0, first - CONTEXT_WINDOW);', 'const from = 0;'),
  S('context: not the mention itself', 'context-rules.ts', 'if (i + phrase.length > first && i <= last) continue;', ''),
  S('longer name: head nouns', 'longer-name.ts', 'if (HEADS.has(normAt(tokens, k))) return true;', ''),
  S('longer name: words before the head', 'longer-name.ts', 'k <= last + 1 + MAX_BETWEEN', 'k <= last + 1'),
  S(
    'longer name: head joined by space',
    'longer-name.ts',
    'if (!joinedBySpace(text, tokens, k - 1, k)) return false;',
    '',
  ),
  S(
    'longer name: head capitalised',
    'longer-name.ts',
    'if (!isCapitalised(text.slice(tokens.start[k], tokens.end[k]))) return false;',
    '',
  ),
  S('longer name: head noun and of', 'longer-name.ts', ' || ofHead(text, tokens, first)', ''),
  S('longer name: HEADS_OF (bank)', 'longer-name.ts', "new Set([...HEADS, 'bank'])", 'HEADS'),
  S('longer name: modifier before', 'longer-name.ts', ' || modified(text, tokens, first, covered)', ''),
  S('longer name: FUNCTION_WORDS', 'longer-name.ts', 'FUNCTION_WORDS.has(norm) || ', ''),
  S('longer name: NAME_ENDINGS', 'longer-name.ts', 'NAME_ENDINGS.has(norm) || ', ''),
  S('longer name: title before', 'longer-name.ts', 'isPersonTitle(norm) || ', ''),
  S('longer name: covered word before', 'longer-name.ts', ' || covered(prev)) return false;', ') return false;'),
  S('longer name: all-caps word before', 'longer-name.ts', ' || /^\\p{Lu}+$/u.test(word)', ''),
  S('longer name: sentence start', 'longer-name.ts', 'if (startsSentence(text, tokens, prev)) return false;', ''),
  S(
    'longer name: inTitleCaseLine',
    'longer-name.ts',
    'return !inTitleCaseLine(text, tokens.start[first]!);',
    'return true;',
  ),
  S(
    'longer name: modifier joined by space',
    'longer-name.ts',
    'if (prev < 0 || !joinedBySpace(text, tokens, prev, first)) return false;',
    'if (prev < 0) return false;',
  ),
  S(
    'longer name: people exempt',
    'select.ts',
    'if (entry.topic || entry.person) return true;',
    'if (entry.topic) return true;',
  ),
  S(
    'longer name: topics exempt',
    'select.ts',
    'if (entry.topic || entry.person) return true;',
    'if (entry.person) return true;',
  ),
  S(
    'person: looksLikePersonName',
    'compile.ts',
    "item.kind === undefined ? looksLikePersonName(item.name) : item.kind === 'person'",
    "item.kind === 'person'",
  ),
  S('person: PARTICLES', 'person.ts', 'parts.every((p) => PARTICLES.has(p) || ', 'parts.every((p) => '),
  S('person: TITLES', 'person.ts', 'return TITLES.has(word);', 'return false;'),
  S(
    'surname: full name cues',
    'select.ts',
    'if (!form.surname && !form.weak && c.fuzzy === 0) cue(form.entry, c.start);',
    '',
  ),
  S(
    'surname: near miss is no cue',
    'select.ts',
    'if (!form.surname && !form.weak && c.fuzzy === 0)',
    'if (!form.surname && !form.weak)',
  ),
  S('surname: titled', 'select.ts', '(titled(text, tokens, c.first) || ', '('),
  S(
    'surname: title suffix (-elect)',
    'select.ts',
    'if (title > 0 && TITLE_SUFFIXES.has(normAt(tokens, title))) {',
    'if (false) {',
  ),
  S('surname: initialled', 'select.ts', ' || initialled(dict, tokens, c) || ', ' || '),
  S('surname: governing', 'select.ts', ' || governing(tokens, c.last))', ')'),
  S('surname: one card only', 'select.ts', 'group.length === 1 &&', ''),
  S(
    'surname: nearest full name',
    'select.ts',
    'const sorted = [...withName].sort((a, b) => distance(a) - distance(b));',
    'const sorted = [...withName];',
  ),
  S('leftmost-longest', 'select.ts', ' || b.c.end - a.c.end', ''),
  S('surer wins', 'select.ts', ' || b.confidence - a.confidence);', ');'),
  S('near miss: same first letter', 'fuzzy.ts', 'word[0] !== name[0] || ', ''),
  S('near miss: not a derived word', 'fuzzy.ts', ' || word.startsWith(name)', ''),
  S(
    'near miss: long names only',
    'fuzzy.ts',
    'if (word.length < FUZZY_MIN_LENGTH - 1 || name.length < FUZZY_MIN_LENGTH) return false;',
    '',
  ),
  S(
    'near miss: one edit',
    'fuzzy.ts',
    'return editDistance(word, name) === 1;',
    'return editDistance(word, name) <= 2;',
  ),
  S(
    'near miss: not an ordinary word',
    'compile.ts',
    'for (const word of ordinaryNearMisses(fuzzyNames.map((id) => words[id]!))) intern(word);',
    '',
  ),
  S(
    'near miss: capitalised words only',
    'candidates.ts',
    '} else if (isUpperAt(text, start[i]!) && normAt(tokens, i).length >= 4) {',
    '} else if (normAt(tokens, i).length >= 4) {',
  ),
  S('gap between words (MAX_GAP)', 'candidates.ts', 'if (b - a > MAX_GAP) return -1;', ''),
  S('closing punctuation (U.S.)', 'candidates.ts', "if (trail !== '' &&", 'if (false &&'),
  S('hyphenated name joined (Wal-Mart)', 'compile.ts', "variants.push([shape.keys.join('')]);", ''),
  S(
    'surname aliases need a cue',
    'compile.ts',
    'derivedSurname ??\n        (person &&',
    'derivedSurname ??\n        (false &&',
  ),
  S(
    'watchlist: SURNAME, Given reordered',
    'watchlist-names.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the rule's source text, not a template
    "add(`${given.join(' ')} ${family}`, FormVariant.Reordered);",
    '',
  ),
  S(
    'watchlist: family name first',
    'watchlist-names.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the rule's source text, not a template
    "add(`${family} ${given.join(' ')}`, FormVariant.FamilyFirst);",
    '',
  ),
  S(
    'watchlist: middle names left out',
    'watchlist-names.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the rule's source text, not a template
    'add(`${given[0]} ${family}`, FormVariant.Shortened);',
    '',
  ),
  S(
    'watchlist: middle name as an initial',
    'watchlist-names.ts',
    'if (given.length === 2 && !isInitial(middle)) add(',
    'if (false) add(',
  ),
  S('watchlist: family name alone', 'watchlist-names.ts', 'add(family, FormVariant.Reordered, true);', ''),
  S(
    'watchlist: family name alone needs a cue',
    'watchlist-names.ts',
    'add(family, FormVariant.Reordered, true);',
    'add(family, FormVariant.Reordered, false);',
  ),
  S('watchlist: particles in lower case', 'watchlist-names.ts', 'return PARTICLES.has(lower) ? lower : ', 'return '),
  S(
    'watchlist: initials left out (Donald J. Trump)',
    'watchlist-names.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the rule's source text, not a template
    'add(`${words[0]} ${words.at(-1)}`, FormVariant.Shortened);',
    '',
  ),
  S(
    'watchlist: titles stripped',
    'watchlist-names.ts',
    'if (untitled !== name.trim()) add(untitled, FormVariant.Untitled);',
    '',
  ),
  S(
    'watchlist: LIST_TITLES',
    'watchlist-names.ts',
    'return isPersonTitle(folded) || LIST_TITLES.has(folded);',
    'return isPersonTitle(folded);',
  ),
  S(
    'transliteration: SAME_NAME table',
    'transliterate.ts',
    'const group = GROUP_OF.get(word) ?? [word];',
    'const group = [word];',
  ),
  S('transliteration: rules', 'transliterate.ts', 'out.add(w.replace(pattern, replacement));', ''),
  S(
    'transliteration: never an ordinary word',
    'transliterate.ts',
    'w.length >= 3 && !isOrdinaryWord(w)',
    'w.length >= 3',
  ),
  S(
    'transliteration: spellings stand for the word',
    'compile.ts',
    'vocab.set(spelling, id);\n      alternates.push(spelling);',
    'continue;\n      alternates.push(spelling);',
  ),
  S(
    'weak: common given name of the list',
    'compile.ts',
    '(givenNames.has(keys[0]!) || isOrdinaryWord(keys[0]!))',
    'isOrdinaryWord(keys[0]!)',
  ),
  S(
    'weak: ordinary word',
    'compile.ts',
    '(givenNames.has(keys[0]!) || isOrdinaryWord(keys[0]!))',
    'givenNames.has(keys[0]!)',
  ),
  S(
    'weak: only a card that says it is a person',
    'compile.ts',
    "item.kind === 'person' &&\n          alias &&",
    'person &&\n          alias &&',
  ),
  S('weak aliases need a cue', 'select.ts', 'if (!form.surname && !form.weak) {', 'if (!form.surname) {'),
];

const root = resolve(import.meta.dirname, '..');
const engine = resolve(root, 'src/engine');
const args = process.argv.slice(2);
const evalAt = args.indexOf('--eval');
const corpus = evalAt >= 0 ? args[evalAt + 1] : undefined;
const only = args.filter((a, i) => a !== '--eval' && (evalAt < 0 || i !== evalAt + 1));
const chosen = only.length > 0 ? SWITCHES.filter((s) => only.includes(s.rule)) : SWITCHES;

const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src/engine'], { cwd: root, encoding: 'utf8' }).stdout;
if (dirty.trim() !== '') {
  console.error(
    'src/engine has uncommitted changes: commit or stash them first (each switch is undone by rewriting the file).',
  );
  process.exit(2);
}

let unheld = 0;
for (const s of chosen) {
  const path = resolve(engine, s.file);
  const original = readFileSync(path, 'utf8');
  const count = original.split(s.on).length - 1;
  if (count !== 1) {
    console.error(`${s.rule}: expected the rule's code once in ${s.file}, found it ${count} times`);
    process.exitCode = 2;
    continue;
  }
  writeFileSync(path, original.replace(s.on, s.off));
  try {
    if (corpus) {
      const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', corpus], { cwd: root, encoding: 'utf8' });
      const lines = run.stdout.split('\n');
      const split = (name: string) => lines[lines.findIndex((l) => l.startsWith(name)) + 2]?.trim() ?? '?';
      console.log(`${s.rule.padEnd(44)} tune: ${split('tune')}\n${''.padEnd(44)} held-out: ${split('held-out')}`);
    } else {
      const run = spawnSync('npx', ['vitest', 'run', 'src/engine', '--reporter=json'], { cwd: root, encoding: 'utf8' });
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
        numFailedTests: number;
        testResults: { assertionResults: { status: string; fullName: string }[] }[];
      };
      const failing = report.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed'));
      if (failing.length === 0) unheld++;
      console.log(
        `${failing.length === 0 ? 'NOT HELD' : 'held    '}  ${s.rule.padEnd(44)} ${failing.length} failing: ${failing
          .slice(0, 2)
          .map((a) => a.fullName)
          .join(' | ')}`,
      );
    }
  } finally {
    writeFileSync(path, original);
  }
}
if (!corpus) console.log(`\n${chosen.length - unheld} of ${chosen.length} rules held by a test`);
if (unheld > 0) process.exitCode = 1;
