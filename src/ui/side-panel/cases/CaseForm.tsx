import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { Case } from '../../../model/case';
import { CaseFields } from './CaseFields';

interface Props {
  onCreated: (made: Case) => void;
  onCancel: () => void;
}

/** A new case: its name and description; it becomes the current case. */
export function CaseForm({ onCreated, onCancel }: Props) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [evidenceAlways, setEvidenceAlways] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setError('Give the case a name.');
    setBusy(true);
    const result = await sendToBackground('case.create', { name, description, evidenceAlways, current: true });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onCreated(result.value);
  };

  return (
    <form class="editor case-form" aria-labelledby="case-form-title" onSubmit={(event) => void create(event)}>
      <h2 id="case-form-title">New case</h2>
      <CaseFields
        id="case"
        name={name}
        onName={setName}
        description={description}
        onDescription={setDescription}
        evidenceAlways={evidenceAlways}
        onEvidenceAlways={setEvidenceAlways}
        nameRef={first}
        errorId={error ? 'case-form-error' : null}
      />
      {error ? (
        <p class="field-error" id="case-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="hint">The new case becomes the current one: pages you clip are filed into it.</p>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy}>
          Create case
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
