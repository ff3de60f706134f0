import type { HighlightStyle } from '../../model/highlight-style';
import { SettingsStore, type SiteSettings } from '../../store/settings';

/** The background's view of the site settings: cached, written through the store. */
export class Sites {
  private readonly store = new SettingsStore();
  private cached: Promise<SiteSettings> | null = null;

  /** The current settings. */
  settings(): Promise<SiteSettings> {
    this.cached ??= this.store.read().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  /** Turns Dossier on or off for one site. */
  async setSite(site: string, enabled: boolean): Promise<SiteSettings> {
    const next = await this.store.update((current) => ({
      ...current,
      disabledSites: enabled
        ? current.disabledSites.filter((s) => s !== site)
        : [...new Set([...current.disabledSites, site])].sort(),
    }));
    this.cached = Promise.resolve(next);
    return next;
  }

  /** Ignores a card on one site, or shows it there again. */
  async setIgnored(site: string, cardId: string, ignored: boolean): Promise<SiteSettings> {
    const next = await this.store.update((current) => {
      const all = { ...current.ignored };
      const ids = (all[site] ?? []).filter((id) => id !== cardId);
      if (ignored) ids.push(cardId);
      if (ids.length > 0) all[site] = ids;
      else delete all[site];
      return { ...current, ignored: all };
    });
    this.cached = Promise.resolve(next);
    return next;
  }

  /** Sets how mentions are painted. */
  async setHighlight(highlight: HighlightStyle): Promise<SiteSettings> {
    const next = await this.store.update((current) => ({ ...current, highlight }));
    this.cached = Promise.resolve(next);
    return next;
  }

  /** Turns system notifications of watch signals on or off. */
  async setAlerts(alerts: boolean): Promise<SiteSettings> {
    const next = await this.store.update((current) => ({ ...current, alerts }));
    this.cached = Promise.resolve(next);
    return next;
  }

  /** Forgets the cached settings (after a restore or a wipe of the store). */
  forget(): void {
    this.cached = null;
  }

  /** Pauses or resumes Dossier everywhere. */
  async setPaused(paused: boolean): Promise<SiteSettings> {
    const next = await this.store.update((current) => ({ ...current, paused }));
    this.cached = Promise.resolve(next);
    return next;
  }
}

/** The background's one owner of the site settings. */
export const sites = new Sites();
