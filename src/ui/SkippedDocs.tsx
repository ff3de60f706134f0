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
    <div class="team-skipped" role="status">
      <p>
        <strong>
          {team.team}: {count} {count === 1 ? 'document' : 'documents'} skipped
        </strong>{' '}
        (they fail Dossier’s checks and are not shown or used):
      </p>
      <ul>
        {named.map((doc) => (
          <li key={doc.id}>
            <code>{doc.id}</code>: {doc.reason}
          </li>
        ))}
        {count > named.length ? <li>and {count - named.length} more</li> : null}
      </ul>
    </div>
  );
}
