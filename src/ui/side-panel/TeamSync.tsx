import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { SyncState, TeamStatus } from '../../model/team';

/** A team's replication state in a few words. */
export function syncLabel(sync: SyncState): string {
  switch (sync.state) {
    case 'synced':
      return 'synced';
    case 'syncing':
      return 'syncing…';
    case 'offline':
      return 'offline, syncs when the server is back';
    case 'error':
      return `error: ${sync.reason}`;
  }
}

/** The joined teams' sync state, under the panel's header (nothing when the browser is in no team). */
export function TeamSync() {
  const [teams, setTeams] = useState<TeamStatus[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void sendToBackground('teams.list', {}).then((result) => {
        if (live && result.ok) setTeams(result.value);
      });
    load();
    // The state changes on its own (the network, the server): read again while the panel is open.
    const timer = window.setInterval(load, 5000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  if (teams.length === 0) return null;
  return (
    <section class="team-sync" aria-label="Team sync">
      {teams.map((t) => (
        <span key={t.team} class={`sync ${t.sync.state}`}>
          {t.team}: {syncLabel(t.sync)}
        </span>
      ))}
    </section>
  );
}
