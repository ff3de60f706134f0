import type { SiteSettings } from '../../store/settings';

/** The site a page belongs to, as its host name; null for pages that have none. */
export function siteOf(url: string | undefined): string | null {
  try {
    const { protocol, hostname } = new URL(url ?? '');
    if (protocol === 'file:') return 'file';
    return protocol === 'http:' || protocol === 'https:' ? hostname : null;
  } catch {
    return null;
  }
}

/** Whether Dossier runs on a page, and if not, why. */
export function siteStatus(
  settings: Pick<SiteSettings, 'paused' | 'disabledSites'>,
  url: string | undefined,
): { enabled: boolean; reason: string | null } {
  if (settings.paused) return { enabled: false, reason: 'Dossier is paused everywhere.' };
  const site = siteOf(url);
  if (site && settings.disabledSites.includes(site)) return { enabled: false, reason: `Dossier is off on ${site}.` };
  return { enabled: true, reason: null };
}
