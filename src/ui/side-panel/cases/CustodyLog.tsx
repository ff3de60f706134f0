import { useEffect, useState } from 'preact/hooks';
import type { CaseLog } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';

interface Props {
  caseId: string;
  /** Bumped after a change, so that the log is read again. */
  changes: number;
  /** A clip's title by its id, for the entries about clips. */
  titles: ReadonlyMap<string, string>;
}

/** A time as the log states it: UTC, to the second. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** A case's custody log, oldest first, and whether its chains hold (or where they break). */
export function CustodyLog({ caseId, changes, titles }: Props) {
  const [log, setLog] = useState<CaseLog | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void sendToBackground('case.log', { caseId }).then((result) => {
      if (!live) return;
      if (result.ok) setLog(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [caseId, changes]);

  if (error) return <p role="alert">{error}</p>;
  if (!log) return <p class="empty">Reading the custody log…</p>;
  const chains = log.heads.length;
  const first = log.problems[0];
  return (
    <section class="custody" aria-labelledby="custody-title">
      <h3 id="custody-title">Custody log</h3>
      <p role="status" class={first ? 'custody-check broken' : 'custody-check holds'}>
        {first
          ? `Chain broken at entry ${first.seq} of ${first.user} on ${first.device}: ${first.problem}.${log.problems.length > 1 ? ` (${log.problems.length} problems in all.)` : ''}`
          : `Chain holds: ${log.entries.length} ${log.entries.length === 1 ? 'entry' : 'entries'} in ${chains} ${chains === 1 ? 'chain' : 'chains'}.`}
      </p>
      <ol class="custody-log">
        {log.entries.map((entry) => (
          <li key={`${entry.user}:${entry.device}:${entry.seq}`}>
            <span class="custody-event">{entry.event}</span>{' '}
            <span class="custody-item">
              {entry.item === caseId ? 'the case' : (titles.get(entry.item) ?? entry.detail.title ?? entry.item)}
            </span>
            {entry.detail.change ? <span class="custody-detail"> ({entry.detail.change})</span> : null}
            <span class="custody-who">
              <time dateTime={entry.at}>{utc(entry.at)}</time> · {entry.user} · {entry.device} · #{entry.seq}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
