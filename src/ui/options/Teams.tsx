import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../../messaging/client';
import type { SyncState } from '../../model/team';
import { SkippedDocs } from '../SkippedDocs';
import { useTeams } from '../use-teams';

/** A replication state in words. */
function describeSync(sync: SyncState): string {
  switch (sync.state) {
    case 'synced':
      return `Synced ${new Date(sync.at).toLocaleTimeString()}`;
    case 'syncing':
      return 'Syncing…';
    case 'offline':
      return 'Offline: syncs when the server can be reached again';
    case 'error':
      return `Error: ${sync.reason}`;
  }
}

const EMPTY = { url: '', team: '', user: '', password: '' };

/** What a team synced with the browser's session and not a device account of its own is told. */
const NO_DEVICE = 'this server gives no device account: join again after a browser restart';

/**
 * Asks for the host permission of the server's origin (it must be asked in the click that joins). The
 * manifest's host permissions already cover every http(s) site for the content scripts, so this resolves at
 * once; it is asked all the same, for a build or a browser that grants them at the user's choice.
 */
async function mayReach(url: string): Promise<string | null> {
  let origin: string;
  try {
    origin = new URL(url.trim()).origin;
  } catch {
    return null; // The background says what is wrong with the address.
  }
  if (!/^https?:/.test(origin)) return null;
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
  return granted ? null : `Dossier needs permission to reach ${origin} to sync.`;
}

/** Teams: join one on a CouchDB server (the password signs in once and is not kept), see its sync, leave it. */
export function Teams() {
  const [teams, setTeams] = useTeams(3000);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const join = async () => {
    setBusy(true);
    // First, while the click still counts as the user's gesture.
    const refused = await mayReach(form.url);
    if (refused) {
      setBusy(false);
      return setError(refused);
    }
    const result = await sendToBackground('team.join', form);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setTeams(result.value);
    const joined = result.value.find((t) => t.team === form.team.trim());
    setNotice(`Joined the team ${form.team.trim()}${joined && joined.device === null ? `; ${NO_DEVICE}` : ''}.`);
    setForm(EMPTY);
  };
  const leave = async (team: string) => {
    const result = await sendToBackground('team.leave', { team });
    if (!result.ok) return setError(result.error);
    setError(null);
    setTeams(result.value);
    setNotice(`Left the team ${team}; its copy on this computer is deleted, your own cards stay.`);
  };
  const field = (key: keyof typeof EMPTY) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    setForm((current) => ({ ...current, [key]: value }));
  };

  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <p class="hint">
        A team shares what its members choose to share through a CouchDB server. Your own cards, clips and notes stay in
        this browser: a team's copy is a database of its own.
      </p>
      {teams && teams.length > 0 ? (
        <ul class="plain-list">
          {teams.map((t) => (
            <li key={t.team}>
              <div>
                <span>
                  <strong>{t.team}</strong> as {t.user} on {t.url} · {describeSync(t.sync)} · {t.docs}{' '}
                  {t.docs === 1 ? 'document' : 'documents'}
                  {t.device === null ? ` · ${NO_DEVICE}` : ''}
                </span>
                <SkippedDocs team={t} />
              </div>
              <button type="button" class="btn" onClick={() => void leave(t.team)}>
                Leave {t.team}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">This browser is in no team.</p>
      )}
      <form
        class="team-form"
        aria-label="Join a team"
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <label>
          Server
          <input
            class="field"
            type="url"
            required
            placeholder="https://couch.example:6984"
            value={form.url}
            onInput={field('url')}
          />
        </label>
        <label>
          Team
          <input class="field" type="text" required value={form.team} onInput={field('team')} />
        </label>
        <label>
          User name
          <input class="field" type="text" required autocomplete="username" value={form.user} onInput={field('user')} />
        </label>
        <label>
          Password
          <input
            class="field"
            type="password"
            required
            autocomplete="current-password"
            value={form.password}
            onInput={field('password')}
          />
        </label>
        <button type="submit" class="btn" disabled={busy}>
          {busy ? 'Joining…' : 'Join team'}
        </button>
        <p class="hint">
          The password signs in once and is not stored: the server gives this browser a device account of its own, which
          it syncs with until you leave the team or the server revokes it.
        </p>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      <p role="status" class="notice">
        {notice}
      </p>
    </section>
  );
}
