import * as v from 'valibot';
import { clipIdOf } from '../model/clip';
import {
  DEFAULT_HISTORY,
  type HistorySettings,
  HistorySettingsSchema,
  retentionCutoff,
  type Visit,
} from '../model/history';
import { type Database, isConflict, isNotFound, openDatabase, STORE_SCHEMA, type StoredDoc, writing } from './db';

/*
 * The opt-in history of visited pages, in a database of its own (never replicated, never in a backup): one
 * document per page address, holding its latest visit, and the setting that turns it on.
 */

/** The history's database. */
export const HISTORY_DB = 'dossier-history';
const SETTINGS_ID = 'settings:history';
const docId = (url: string) => `visit:${clipIdOf(url)}`;

interface VisitDoc extends StoredDoc, Visit {
  type: 'visit';
}

/** The history of visited pages and its setting. */
export class HistoryStore {
  constructor(private readonly db: Database = openDatabase(HISTORY_DB)) {}

  /** The setting (the default when none or a corrupt one is stored). */
  async settings(): Promise<HistorySettings> {
    try {
      const doc = (await this.db.get(SETTINGS_ID)) as StoredDoc & Partial<HistorySettings>;
      const parsed = v.safeParse(HistorySettingsSchema, { enabled: doc.enabled, retentionDays: doc.retentionDays });
      return parsed.success ? parsed.output : DEFAULT_HISTORY;
    } catch (error) {
      if (isNotFound(error)) return DEFAULT_HISTORY;
      throw error;
    }
  }

  /** Stores the setting; a shorter retention drops what it no longer keeps. */
  async setSettings(next: HistorySettings, now = Date.now()): Promise<HistorySettings> {
    const settings = v.parse(HistorySettingsSchema, next);
    let rev: string | undefined;
    try {
      rev = (await this.db.get(SETTINGS_ID))._rev;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await writing(() =>
      this.db.put({
        _id: SETTINGS_ID,
        ...(rev ? { _rev: rev } : {}),
        type: 'settings',
        schema: STORE_SCHEMA,
        ...settings,
      } as StoredDoc),
    );
    await this.prune(settings.retentionDays, now);
    return settings;
  }

  /** Keeps a visit (replacing the page's earlier one). */
  async record(visit: Visit): Promise<void> {
    const _id = docId(visit.url);
    for (let attempt = 0; ; attempt++) {
      let rev: string | undefined;
      try {
        rev = (await this.db.get(_id))._rev;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const doc: VisitDoc = { _id, ...(rev ? { _rev: rev } : {}), type: 'visit', schema: STORE_SCHEMA, ...visit };
      try {
        await writing(() => this.db.put(doc));
        return;
      } catch (error) {
        // Two frames of the same page reported at once: the later one wins.
        if (!isConflict(error) || attempt > 2) throw error;
      }
    }
  }

  /** Every visit kept, most recent first. */
  async list(): Promise<Visit[]> {
    return (await this.docs())
      .map(({ url, title, time, counts }) => ({ url, title, time, counts }))
      .sort((a, b) => b.time.localeCompare(a.time));
  }

  /** Drops the visits older than the retention period; returns how many. */
  async prune(retentionDays: number, now = Date.now()): Promise<number> {
    const cutoff = retentionCutoff(retentionDays, now);
    const old = (await this.docs()).filter((doc) => doc.time < cutoff);
    if (old.length) await this.db.bulkDocs(old.map((doc) => ({ ...doc, _deleted: true })));
    return old.length;
  }

  /** Drops every visit (the setting stays); returns how many. */
  async clear(): Promise<number> {
    const all = await this.docs();
    if (all.length) await this.db.bulkDocs(all.map((doc) => ({ ...doc, _deleted: true })));
    return all.length;
  }

  private async docs(): Promise<Array<VisitDoc & { _rev?: string }>> {
    const all = await this.db.allDocs({ include_docs: true, startkey: 'visit:', endkey: 'visit:\uffff' });
    return all.rows.flatMap((row) =>
      row.doc && (row.doc as VisitDoc).type === 'visit' ? [row.doc as VisitDoc & { _rev?: string }] : [],
    );
  }
}
