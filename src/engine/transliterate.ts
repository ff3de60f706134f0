import { isOrdinaryWord } from './ordinary-words';

/*
 * Spellings of one name in Latin letters: Arabic and Russian names reach English through several
 * romanisations (Mohammed, Muhammad, Mohamed; Aleksandr, Alexander; Dmitriy, Dmitry). A small table of names
 * whose spellings no rule relates, and rules for the differences romanisation systems make, give the other
 * spellings of a folded word; the dictionary lets each spelling stand for the word (compile.ts).
 */

/** Spellings of the same name that no rule below relates (folded, the usual one first). */
const SAME_NAME = [
  'muhammad mohammed mohamed mohammad muhammed mohamad mohamud',
  'ahmed ahmad ahmet',
  'hussein husayn hussain husain hossein',
  'hassan hasan hasson',
  'osama usama',
  'omar umar',
  'othman osman uthman usman',
  'yusuf youssef yousef yousuf yusef',
  'abdullah abdallah abdulla',
  'abdul abd abdel',
  'ibrahim ebrahim',
  'khalid khaled',
  'mustafa mostafa moustafa',
  'suleiman sulayman soliman sulaiman',
  'said saeed sayed saied',
  'qasim kassem qassem kasim',
  'aisha aysha ayesha',
  'gamal jamal',
  'aleksandr alexander alexandr aleksander',
  'aleksei alexei alexey aleksey',
  'sergei sergey serguei',
  'yevgeny evgeny evgeniy yevgeniy',
  'pyotr petr',
  'fyodor fedor',
  'semyon semen',
  'mikhail mikhael',
  'wladimir vladimir',
  'zhou chou',
  'zhang chang',
  'xu hsu',
  'li lee',
  'kim gim',
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const line of SAME_NAME) {
  const group = line.split(' ');
  for (const word of group) GROUP_OF.set(word, group);
}

/** Rewrites one romanisation system makes where another does not: [pattern, replacement], tried both ways. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ks/, 'x'],
  [/x/, 'ks'],
  [/kh/, 'h'],
  [/(?:iy|ii|yi)$/, 'y'],
  [/y$/, 'iy'],
  [/(?:iy|ii|yi)$/, 'i'],
  [/i$/, 'iy'],
  [/^ye/, 'e'],
  [/^e/, 'ye'],
  [/yev/, 'iev'],
  [/iev/, 'yev'],
  [/yu/, 'iu'],
  [/iu/, 'yu'],
  [/ya/, 'ia'],
  [/ia/, 'ya'],
  [/ts/, 'tz'],
  [/tz/, 'ts'],
  [/ou/, 'u'],
  [/ee/, 'i'],
  [/q/, 'k'],
  [/dr$/, 'der'],
  [/der$/, 'dr'],
  [/([bcdfghklmnprstz])\1/, '$1'],
];

/** At most this many spellings of one word, so that a rule cannot flood the vocabulary. */
const MAX_SPELLINGS = 12;

/**
 * The other spellings of a folded Latin name word (its table group, then each rule applied once), without
 * ordinary English words (said is not Saeed) and words of under three letters.
 */
export function otherSpellings(word: string): string[] {
  const group = GROUP_OF.get(word) ?? [word];
  const out = new Set<string>(group);
  // Each rule once, on the word and on each spelling the table gives it.
  if (/^[a-z]{3,}$/.test(word)) {
    for (const w of group) {
      for (const [pattern, replacement] of RULES) {
        if (out.size >= MAX_SPELLINGS + 1) break;
        out.add(w.replace(pattern, replacement));
      }
    }
  }
  out.delete(word);
  return [...out].filter((w) => w.length >= 3 && !isOrdinaryWord(w));
}
