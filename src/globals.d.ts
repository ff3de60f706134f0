/** True in builds made for benchmarks (`vite build --mode bench`). */
declare const __BENCH__: boolean;
