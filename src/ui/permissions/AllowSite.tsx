import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sitePattern } from '../../model/host-access';
import { requestSites } from './site-access';
import './allow-site.css';

/**
 * On a page of a site Dossier may not read: a button that allows this site (the page is read at once), and a
 * link to the page that allows all sites.
 */
export function AllowSite({ url }: { url: string }) {
  const [refused, setRefused] = useState(false);
  const pattern = sitePattern(url);
  if (!pattern) return null;
  const host = new URL(url).hostname;
  return (
    <p class="allow-site">
      <button
        type="button"
        class="btn primary"
        onClick={() => void requestSites([pattern]).then((granted) => setRefused(!granted))}
      >
        Allow Dossier on {host}
      </button>{' '}
      <a href={browser.runtime.getURL('src/ui/permissions/index.html')} target="_blank" rel="noreferrer">
        All sites or others…
      </a>
      {refused ? <span role="alert"> Not allowed: Dossier stays idle on {host}.</span> : null}
    </p>
  );
}
