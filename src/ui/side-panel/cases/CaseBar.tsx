import type { ListedCase } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';
import type { Case } from '../../../model/case';
import './cases.css';

interface Props {
  cases: readonly ListedCase[];
  current: Case | null;
  /** After the current case changed. */
  onChanged: () => void;
  onNotice: (text: string) => void;
  /** Opens the list of every case (each one's file: details and custody log). */
  onList: () => void;
  onNew: () => void;
}

/** The header's case: which one clipping files into (open cases only), a new one, and the list of cases. */
export function CaseBar({ cases, current, onChanged, onNotice, onList, onNew }: Props) {
  const open = cases.filter((c) => c.status === 'open');
  const pick = async (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    const result = await sendToBackground('case.current.set', { caseId: value || null });
    onChanged();
    if (!result.ok) onNotice(result.error);
    else onNotice(result.value ? `Clips now go into “${result.value.name}”.` : 'Clips go into no case.');
  };
  return (
    <div class="case-bar">
      <label class="case-pick">
        <span>Case</span>
        <select value={current?.caseId ?? ''} onChange={(event) => void pick(event)}>
          <option value="">No case</option>
          {open.map((c) => (
            <option key={c.caseId} value={c.caseId}>
              {c.mine ? c.name : `${c.name} (${c.createdBy})`}
            </option>
          ))}
        </select>
      </label>
      <span class="case-bar-actions">
        <button type="button" class="btn" onClick={onNew}>
          New case
        </button>
        <button type="button" class="btn" onClick={onList}>
          Cases
        </button>
      </span>
    </div>
  );
}
