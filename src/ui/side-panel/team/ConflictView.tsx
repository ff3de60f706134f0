import { useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { Card } from '../../../model/card';
import {
  type CardConflict,
  type CardField,
  differingFields,
  FIELD_LABELS,
  type FieldChoices,
  fieldText,
  mergeVersions,
  versionLetter,
} from '../../../model/card-conflict';
import './conflicts.css';

interface Props {
  conflict: CardConflict;
  /** The version kept (or the merge) is written: the conflict is resolved for every member. */
  onResolved: (card: Card, how: string) => void;
}

/** Who wrote a version, and when, in words. */
function byline(version: CardConflict['versions'][number]): string {
  const who = version.updatedBy ?? 'someone';
  return version.updated ? `${who}, ${new Date(version.updated).toLocaleString()}` : who;
}

/**
 * A card's versions in conflict side by side, field by field (the fields they differ on only), with a choice
 * per field; keep one version whole or merge the chosen fields.
 */
export function ConflictView({ conflict, onResolved }: Props) {
  // The versions that are cards (an unreadable one is listed, never kept), with their letters.
  const readable = conflict.versions.flatMap((version, index) =>
    version.card ? [{ version, card: version.card, letter: versionLetter(index) }] : [],
  );
  const fields = differingFields(readable.map((r) => r.card));
  const [choices, setChoices] = useState<FieldChoices>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `conflict-${conflict.team}`;

  const keep = async (card: Card, how: string) => {
    setBusy(true);
    setError(null);
    const result = await sendToBackground('card.resolve', {
      cardId: conflict.cardId,
      team: conflict.team,
      revs: conflict.versions.map((v) => v.rev),
      card,
    });
    setBusy(false);
    if (result.ok) onResolved(result.value, how);
    else setError(result.error);
  };
  const merge = () => {
    let merged: Card;
    try {
      merged = mergeVersions(
        readable.map((r) => r.card),
        choices,
      );
    } catch (problem) {
      return setError(String((problem as Error).message ?? problem));
    }
    const from = fields.map((f) => {
      const source = readable[choices[f] ?? 0];
      return `${FIELD_LABELS[f]} from ${source?.letter} (${source?.version.updatedBy ?? 'someone'})`;
    });
    void keep(merged, from.length ? `merged (${from.join(', ')})` : 'merged');
  };
  const choose = (field: CardField, index: number) => setChoices((current) => ({ ...current, [field]: index }));

  return (
    <section class="conflict-view" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {conflict.versions.length} versions in {conflict.team}
      </h3>
      <p class="conflict-hint">
        Members edited this card while apart. Everyone sees version A until one of you resolves it; the other versions
        are kept until then.
      </p>
      <ul class="conflict-versions" aria-label="Versions">
        {conflict.versions.map((version, index) => (
          <li key={version.rev}>
            <strong>Version {versionLetter(index)}</strong> by {byline(version)}
            {index === 0 ? ' · shown now' : ''}
            {version.card ? '' : ' · not a readable card, cannot be kept'}
          </li>
        ))}
      </ul>
      {fields.length === 0 ? (
        <p>The versions say the same: keep either.</p>
      ) : (
        fields.map((field) => (
          <fieldset class="conflict-field" key={field}>
            <legend>{FIELD_LABELS[field]}</legend>
            <div class="conflict-choices">
              {readable.map((r, index) => (
                <label class="conflict-choice" key={r.version.rev}>
                  <span class="conflict-who">
                    <input
                      type="radio"
                      name={`${id}-${field}`}
                      checked={(choices[field] ?? 0) === index}
                      onChange={() => choose(field, index)}
                    />{' '}
                    Version {r.letter} by {r.version.updatedBy ?? 'someone'}
                  </span>
                  <span class="conflict-text">{fieldText(r.card, field)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))
      )}
      <div class="actions conflict-actions">
        {readable.map((r) => (
          <button
            key={r.version.rev}
            type="button"
            class="btn"
            disabled={busy}
            onClick={() => void keep(r.card, `kept version ${r.letter} (${r.version.updatedBy ?? 'someone'})`)}
          >
            Keep {r.letter}
          </button>
        ))}
        {fields.length > 0 ? (
          <button type="button" class="btn primary" disabled={busy} onClick={merge}>
            Merge selected
          </button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
