import { type StateUpdater, useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/client';
import type { TeamStatus } from '../model/team';

/**
 * The teams this browser joined, read again every `periodMs` while the page is open (replication states
 * change on their own: the network, the server); null until first read.
 */
export function useTeams(periodMs: number): [TeamStatus[] | null, (teams: StateUpdater<TeamStatus[] | null>) => void] {
  const [teams, setTeams] = useState<TeamStatus[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void sendToBackground('teams.list', {}).then((result) => {
        if (live && result.ok) setTeams(result.value);
      });
    load();
    const timer = window.setInterval(load, periodMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [periodMs]);
  return [teams, setTeams];
}
