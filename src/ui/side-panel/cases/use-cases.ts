import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ListedCase } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';
import type { Case } from '../../../model/case';

/** The cases this browser knows and the current one, read again on `reload` (after any change the panel makes). */
export function useCases(): { cases: ListedCase[]; current: Case | null; reload: () => void } {
  const [cases, setCases] = useState<ListedCase[]>([]);
  const [current, setCurrent] = useState<Case | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    let live = true;
    void Promise.all([sendToBackground('cases.list', {}), sendToBackground('case.current', {})]).then(([list, now]) => {
      if (!live) return;
      if (list.ok) setCases(list.value);
      if (now.ok) setCurrent(now.value);
    });
    return () => {
      live = false;
    };
  }, [changes]);
  const reload = useCallback(() => setChanges((n) => n + 1), []);
  return { cases, current, reload };
}
