import type { Ref } from 'preact';
import { MAX_CASE_DESCRIPTION, MAX_CASE_NAME } from '../../../model/case';

interface Props {
  /** Prefix of the fields' ids (`<id>-name`, `<id>-description`). */
  id: string;
  name: string;
  onName: (name: string) => void;
  description: string;
  onDescription: (description: string) => void;
  evidenceAlways: boolean;
  onEvidenceAlways: (on: boolean) => void;
  nameRef?: Ref<HTMLInputElement>;
  /** The id of the error the name field is described by, while there is one. */
  errorId?: string | null;
}

/** A case's name, description and "capture every clip" choice: the new-case form's and the case file's fields. */
export function CaseFields(props: Props) {
  return (
    <>
      <div class="field">
        <label for={`${props.id}-name`}>Name</label>
        <input
          id={`${props.id}-name`}
          ref={props.nameRef}
          value={props.name}
          maxLength={MAX_CASE_NAME}
          aria-invalid={props.errorId ? 'true' : undefined}
          aria-describedby={props.errorId ?? undefined}
          onInput={(event) => props.onName(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${props.id}-description`}>Description</label>
        <textarea
          id={`${props.id}-description`}
          rows={3}
          maxLength={MAX_CASE_DESCRIPTION}
          value={props.description}
          onInput={(event) => props.onDescription(event.currentTarget.value)}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={props.evidenceAlways}
          onChange={(event) => props.onEvidenceAlways(event.currentTarget.checked)}
        />
        Capture every clip of this case as evidence
      </label>
    </>
  );
}
