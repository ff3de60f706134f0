import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import './conflicts.css';

interface Props {
  cardId: string;
  name: string;
  team: string;
  onRemoved: (team: string) => void;
}

/** "Remove from <team>": deletes the shared card in the team for every member, once the user confirms. */
export function RemoveFromTeam({ cardId, name, team, onRemoved }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" class="btn danger" onClick={() => setConfirming(true)}>
        Remove from {team}
      </button>
    );
  }
  const remove = async () => {
    const result = await sendToBackground('card.unshare', { cardId, team });
    if (!result.ok) return setError(result.error);
    setConfirming(false);
    onRemoved(team);
  };
  return (
    <div class="confirm-remove">
      <p id={`remove-${team}`}>
        Remove “{name}” from {team}? It is deleted for every member; your own cards stay.
      </p>
      <div class="actions">
        <button
          ref={confirm}
          type="button"
          class="btn danger"
          aria-describedby={`remove-${team}`}
          onClick={() => void remove()}
        >
          Remove
        </button>
        <button
          type="button"
          class="btn"
          onClick={() => {
            setConfirming(false);
            setError(null);
          }}
        >
          Cancel
        </button>
      </div>
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
