import type { TeamStatus } from '../model/team';

/** How many skipped documents are named at once (the rest are counted). */
const NAMED = 3;

/**
 * A team's documents that fail Dossier's checks (a card past the limits, a javascript: address, an unknown
 * field…): counted and named with their reason, so that the team can fix them; they are never shown or used.
 */
export function SkippedDocs({ team }: { team: Pick<TeamStatus, 'team' | 'skipped'> }) {
  const { count, first } = team.skipped;
  if (count === 0) return null;
  const named = first.slice(0, NAMED);
  return (
    <div class="team-skipped" role="note">
      <p>
        <strong>
          {team.team}: {count} {count === 1 ? 'document' : 'documents'} skipped
        </strong>{' '}
        (they fail Dossier’s checks and are not shown or used):
      </p>
      {/* Lines, not a list: the options page lists teams, and a list inside their items reads as more teams. */}
      {named.map((doc) => (
        <p key={doc.id} class="skipped-doc">
          <code>{doc.id}</code>: {doc.reason}
        </p>
      ))}
      {count > named.length ? <p class="skipped-doc">and {count - named.length} more</p> : null}
    </div>
  );
}
