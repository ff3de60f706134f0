import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';

/** The ids of the shared cards in conflict in the joined teams, read again every `periodMs` (syncs bring them). */
export function useConflictMarks(periodMs: number): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    let last = '';
    const load = () =>
      void sendToBackground('team.conflicts', {}).then((result) => {
        if (!live || !result.ok) return;
        const next = [...new Set(result.value.map((mark) => mark.cardId))].sort();
        // A new set only when it changed: the list does not render again each time.
        if (next.join(' ') !== last) setIds(new Set(next));
        last = next.join(' ');
      });
    load();
    const timer = window.setInterval(load, periodMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [periodMs]);
  return ids;
}
