import * as v from 'valibot';
import { DEFAULT_HIGHLIGHT, HighlightStyleSchema } from '../model/highlight-style';
import { isNotFound, openDatabase, PRIVATE_DB, STORE_SCHEMA, type StoredDoc } from './db';

/** Where Dossier runs: a global pause and the sites the user turned it off on (host names). */
export const SiteSettingsSchema = v.strictObject({
  paused: v.boolean(),
  disabledSites: v.array(v.pipe(v.string(), v.maxLength(253))),
  /** Cards the user ignores on a site: site → card ids. */
  ignored: v.optional(
    v.record(v.pipe(v.string(), v.maxLength(253)), v.array(v.pipe(v.string(), v.maxLength(128)))),
    {},
  ),
  /** How mentions are painted. */
  highlight: v.optional(HighlightStyleSchema, DEFAULT_HIGHLIGHT),
  /** A system notification when a watch signal fires (off until the user turns it on). */
  alerts: v.optional(v.boolean(), false),
});

/** The user's site settings. */
export type SiteSettings = v.InferOutput<typeof SiteSettingsSchema>;

const DOC_ID = 'settings:sites';
const DEFAULTS: SiteSettings = {
  paused: false,
  disabledSites: [],
  ignored: {},
  highlight: DEFAULT_HIGHLIGHT,
  alerts: false,
};

/** Reads and writes the site settings document; a corrupt document reads as the defaults. */
export class SettingsStore {
  private readonly db = openDatabase(PRIVATE_DB);

  /** The current settings. */
  async read(): Promise<SiteSettings> {
    try {
      const doc = (await this.db.get(DOC_ID)) as StoredDoc & Partial<SiteSettings>;
      const parsed = v.safeParse(SiteSettingsSchema, {
        paused: doc.paused,
        disabledSites: doc.disabledSites,
        ignored: doc.ignored,
        highlight: doc.highlight,
        alerts: doc.alerts,
      });
      return parsed.success ? parsed.output : DEFAULTS;
    } catch (error) {
      if (isNotFound(error)) return DEFAULTS;
      throw error;
    }
  }

  /** Applies a change and stores it, retrying once when another write got there first. */
  async update(change: (current: SiteSettings) => SiteSettings): Promise<SiteSettings> {
    for (let attempt = 0; ; attempt++) {
      let rev: string | undefined;
      try {
        rev = (await this.db.get(DOC_ID))._rev;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const next = v.parse(SiteSettingsSchema, change(await this.read()));
      try {
        await this.db.put({
          _id: DOC_ID,
          ...(rev ? { _rev: rev } : {}),
          type: 'settings',
          schema: STORE_SCHEMA,
          ...next,
        });
        return next;
      } catch (error) {
        if (attempt > 0 || (error as { status?: number }).status !== 409) throw error;
      }
    }
  }
}
