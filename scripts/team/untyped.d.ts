/** PouchDB 7 for Node (the sync server's; the extension uses PouchDB 9): only what the server calls. */
declare module 'pouchdb' {
  export interface ServerPouchDB {
    defaults(options: Record<string, unknown>): ServerPouchDB;
    allDbs?(): Promise<string[]>;
    destroy?(name: string): Promise<unknown>;
  }
  const PouchDB: ServerPouchDB;
  export default PouchDB;
}

/** An in-memory LevelDOWN store for PouchDB 7's leveldb adapter. */
declare module 'memdown' {
  const memdown: unknown;
  export default memdown;
}

/** express-pouchdb: CouchDB's HTTP API over a PouchDB constructor, as an Express app. */
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { ServerPouchDB } from 'pouchdb';

  export interface ExpressPouchDBApp {
    (req: IncomingMessage, res: ServerResponse): void;
    /** Runs each wrapper on every database the server opens, in the order registered, before it is used. */
    dbWrapper: {
      registerWrapper(wrapper: (name: string, db: Record<string, unknown>, next: () => void) => void): void;
    };
    couchConfig: {
      set(section: string, key: string, value: unknown, callback: (error?: unknown) => void): void;
    };
  }
  function expressPouchDB(
    PouchDB: ServerPouchDB,
    options?: {
      inMemoryConfig?: boolean;
      configPath?: string;
      logPath?: string;
      mode?: 'fullCouchDB' | 'minimumForPouchDB';
      overrideMode?: { include?: string[]; exclude?: string[] };
    },
  ): ExpressPouchDBApp;
  export default expressPouchDB;
}

/** express-pouchdb's one PouchDB instance per database name (created on first use). */
declare module 'express-pouchdb/lib/create-or-delete-dbs.js' {
  import type { ServerPouchDB } from 'pouchdb';
  export function getOrCreateDB(PouchDB: ServerPouchDB, name: string): Promise<unknown>;
}
