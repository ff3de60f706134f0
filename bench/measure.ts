/**
 * How the benchmarks time things, so that a figure and its baseline stand on equal footing: each side gets the
 * same warm-up, the sides run in alternating order (each goes first as often as the other), and a figure is a
 * median printed with its spread (the quartiles of its runs: with three runs, the fastest and the slowest). A figure with no honest baseline is printed as
 * an absolute beside its target (`absolute`), never as a ratio.
 */

/** The runs of one side, in milliseconds (or any unit), with their median and quartiles. */
export interface Sample {
  runs: number[];
  median: number;
  low: number;
  high: number;
}

/** The median of a list (the upper one of an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('No runs to take a median of');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** The q-quantile (nearest rank) of a list. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('No runs to take a quantile of');
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/** A sample of runs. */
export function sample(runs: readonly number[]): Sample {
  return { runs: [...runs], median: median(runs), low: quantile(runs, 0.25), high: quantile(runs, 0.75) };
}

/** Milliseconds as the benchmarks print them: seconds from one second up. */
export function ms(value: number, digits = 1): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(digits)} ms`;
}

/** "12.3 ms (10.1–15.0)": a median with its quartiles. */
export function spread(s: Sample, format: (value: number) => string = (value) => ms(value)): string {
  return `${format(s.median)} (${format(s.low)}–${format(s.high)})`;
}

/** "1.52× (1.31–1.80)": the ratio of two sides' medians, with the quartiles of the round-by-round ratios. */
export function ratio(measured: Sample, baseline: Sample): string {
  const pairs = measured.runs.map((m, i) => m / (baseline.runs[i] ?? Number.NaN)).filter(Number.isFinite);
  const r = measured.median / baseline.median;
  return pairs.length
    ? `${r.toFixed(2)}× (${quantile(pairs, 0.25).toFixed(2)}–${quantile(pairs, 0.75).toFixed(2)})`
    : `${r.toFixed(2)}×`;
}

/**
 * A figure with no honest baseline: its value beside its target, and whether it is met. `met` is computed by
 * the caller from the raw value.
 */
export function absolute(label: string, value: string, target: string, met: boolean): string {
  return `${label}: ${value} (absolute, no like-for-like baseline; target ${target}: ${met ? 'met' : 'MISSED'})`;
}

/** The order of the sides in round `round`: rotated by one each round, so each side goes first in turn. */
function order<K>(keys: readonly K[], round: number): K[] {
  const shift = round % keys.length;
  return [...keys.slice(shift), ...keys.slice(0, shift)];
}

/**
 * Times synchronous sides alternately: `warmup` untimed rounds, then `runs` timed rounds. `first` shifts which
 * side opens the first round (for callers that alternate over calls of their own).
 */
export function alternate<K extends string>(
  sides: Record<K, () => unknown>,
  { runs, warmup = 3, first = 0 }: { runs: number; warmup?: number; first?: number },
): Record<K, Sample> {
  const keys = Object.keys(sides) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const key of order(keys, round + first)) {
      const start = performance.now();
      sides[key]();
      const took = performance.now() - start;
      if (round >= warmup) times[key].push(took);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, sample(times[k])])) as Record<K, Sample>;
}

/**
 * Runs asynchronous sides alternately; each side returns its own figure (a time it measured itself, often in a
 * browser's clock), so nothing of the harness is counted. `warmup` untimed rounds first.
 */
export async function alternateAsync<K extends string>(
  sides: Record<K, (round: number) => Promise<number>>,
  { runs, warmup = 1 }: { runs: number; warmup?: number },
): Promise<Record<K, Sample>> {
  const keys = Object.keys(sides) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const key of order(keys, round)) {
      const took = await sides[key](round);
      if (round >= warmup) times[key].push(took);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, sample(times[k])])) as Record<K, Sample>;
}
