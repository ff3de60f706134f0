import type { SyncState, TeamStatus } from '../../../model/team';
import { SkippedDocs } from '../../SkippedDocs';

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
export function TeamSync({ teams }: { teams: TeamStatus[] | null }) {
  if (!teams || teams.length === 0) return null;
  return (
    <>
      <section class="team-sync" aria-label="Team sync">
        {teams.map((t) => (
          <span key={t.team} class={`sync ${t.sync.state}`}>
            {t.team}: {syncLabel(t.sync)}
          </span>
        ))}
      </section>
      {teams.map((t) => (
        <SkippedDocs key={t.team} team={t} />
      ))}
    </>
  );
}
