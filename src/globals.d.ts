/** True in builds made for benchmarks (`vite build --mode bench`). */
declare const __BENCH__: boolean;

/** PouchDB's in-memory adapter (store tests only); it ships no types. */
declare module 'pouchdb-adapter-memory' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}

/** PouchDB's newer IndexedDB adapter; it ships no types. */
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
