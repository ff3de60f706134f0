import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import { type Case, MAX_CASE_DESCRIPTION, MAX_CASE_NAME } from '../../../model/case';

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
      <div class="field">
        <label for="case-name">Name</label>
        <input
          id="case-name"
          ref={first}
          value={name}
          maxLength={MAX_CASE_NAME}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'case-form-error' : undefined}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="case-description">Description</label>
        <textarea
          id="case-description"
          rows={3}
          maxLength={MAX_CASE_DESCRIPTION}
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={evidenceAlways}
          onChange={(event) => setEvidenceAlways(event.currentTarget.checked)}
        />
        Capture every clip of this case as evidence
      </label>
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
