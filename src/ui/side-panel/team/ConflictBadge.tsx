import './conflicts.css';

/** The mark of a shared card whose team holds versions in conflict. */
export function ConflictBadge() {
  return (
    <span class="conflict-badge">
      <span aria-hidden="true">⚠ </span>Conflict
    </span>
  );
}
