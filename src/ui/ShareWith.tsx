import { useTeams } from './use-teams';

/**
 * "Share with <team>" buttons, one per joined team (nothing when the browser is in no team). `share` does it
 * and answers what to tell the user.
 */
export function ShareWith({
  share,
  disabled = false,
  onNotice,
  label,
}: {
  share: (team: string) => Promise<string>;
  /** The buttons' accessible names where "Share with <team>" alone is ambiguous (a row of a table). */
  label?: (team: string) => string;
  disabled?: boolean;
  onNotice: (notice: string) => void;
}) {
  const [teams] = useTeams(30_000);
  if (!teams || teams.length === 0) return null;
  return (
    <>
      {teams.map((t) => (
        <button
          key={t.team}
          type="button"
          class="btn"
          disabled={disabled}
          aria-label={label?.(t.team)}
          onClick={() => void share(t.team).then(onNotice, (error: unknown) => onNotice(String(error)))}
        >
          Share with {t.team}
        </button>
      ))}
    </>
  );
}
