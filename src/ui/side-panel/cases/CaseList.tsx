import { useEffect, useRef } from 'preact/hooks';
import type { ListedCase } from '../../../messaging/cases';

interface Props {
  cases: readonly ListedCase[];
  currentId: string | null;
  onOpen: (caseId: string) => void;
  onBack: () => void;
}

/** Every case this browser knows, open ones first: each opens its file. */
export function CaseList({ cases, currentId, onOpen, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="library case-list" aria-labelledby="cases-title">
      <button type="button" class="link back" onClick={onBack}>
        ← Back
      </button>
      <h2 id="cases-title" tabIndex={-1} ref={heading}>
        Cases <span class="count">{cases.length}</span>
      </h2>
      {cases.length === 0 ? (
        <p class="empty">No cases yet: “New case” makes one, and the pages you clip go into it.</p>
      ) : (
        <ul class="results">
          {cases.map((c) => (
            <li key={c.caseId}>
              <button type="button" class="result" onClick={() => onOpen(c.caseId)}>
                <span class="name">{c.name}</span>
                <span class={`case-status ${c.status}`}>{c.caseId === currentId ? 'current' : c.status}</span>
                <span class="pack">
                  {c.mine ? 'yours' : c.createdBy}
                  {c.team ? ` · shared with ${c.team}` : ''} · created {c.created.slice(0, 10)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
