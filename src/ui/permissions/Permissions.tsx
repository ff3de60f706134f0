import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ALL_SITES, typedSitePattern } from '../../model/host-access';
import { readSiteAccess, requestSites, type SiteAccess } from './site-access';

/**
 * The page that asks which sites Dossier may read: opened at install when the browser left that to the user
 * (Firefox), and from the side panel on a site not allowed. All sites in one click, or one site at a time.
 */
export function Permissions() {
  const [access, setAccess] = useState<SiteAccess | null>(null);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const refresh = () => void readSiteAccess().then(setAccess);
  useEffect(() => {
    refresh();
    // The browser's own add-on manager may change them too.
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const ask = (origins: readonly string[], what: string) => {
    // Requested before any await: the browser shows its prompt only within the click.
    void requestSites(origins).then((granted) => {
      setMessage(granted ? { text: `Allowed ${what}.`, error: false } : { text: `Not allowed: ${what}.`, error: true });
      refresh();
    });
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const pattern = typedSitePattern(typed);
    if (!pattern) {
      setMessage({ text: 'Type one site’s name, like example.com, or its address.', error: true });
      return;
    }
    ask([pattern], new URL(pattern.replace('/*', '/')).hostname);
    setTyped('');
  };

  const remove = (origin: string) => {
    void browser.permissions
      .remove({ origins: [origin] })
      .then((removed) =>
        setMessage(
          removed
            ? { text: `Dossier no longer reads ${origin}.`, error: false }
            : { text: 'The browser kept this permission.', error: true },
        ),
      )
      .catch((error: unknown) => setMessage({ text: String(error), error: true }))
      .finally(refresh);
  };

  return (
    <main class="options">
      <h1>Which sites may Dossier read?</h1>
      <p>
        Dossier finds the people, companies, countries and topics you track in the text of the pages you read, and
        paints them there. To do that it needs your permission to read those pages. What it reads stays in this browser.
      </p>
      <section aria-labelledby="all-sites">
        <h2 id="all-sites">All sites</h2>
        {access?.all ? (
          <p role="status" class="ok">
            Dossier may read every site. You can still turn it off for a site from its side panel.
          </p>
        ) : (
          <>
            <p>Recommended: Dossier then works on every page you open, as it does in other browsers.</p>
            <button type="button" class="btn primary" onClick={() => ask(ALL_SITES, 'all sites')}>
              Allow on all sites
            </button>
          </>
        )}
      </section>
      <section aria-labelledby="some-sites">
        <h2 id="some-sites">Some sites only</h2>
        <p>Dossier stays idle on every other site, and its toolbar button says why.</p>
        <form onSubmit={addSite}>
          <label>
            Site{' '}
            <input
              type="text"
              value={typed}
              placeholder="example.com"
              onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit" class="btn">
            Allow this site
          </button>
        </form>
        {access && access.sites.length > 0 ? (
          <ul aria-label="Sites allowed">
            {access.sites.map((origin) => (
              <li key={origin}>
                {origin}{' '}
                <button type="button" class="link" onClick={() => remove(origin)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <p role="status" class={message?.error ? 'error' : 'notice'}>
        {message?.text ?? ''}
      </p>
    </main>
  );
}
