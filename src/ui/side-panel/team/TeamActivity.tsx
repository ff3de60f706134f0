import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../../messaging/client';
import type { TeamActivity as Activity } from '../../../model/team';
import { SafeLink } from '../../SafeLink';

const KIND: Record<Activity['kind'], string> = {
  card: 'card',
  pack: 'pack',
  clip: 'clip',
  annotation: 'highlight on',
  signal: 'watch signal',
};

/** How long ago, in words (“just now”, “5 min ago”, or the date). */
export function ago(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return new Date(then).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** What a change is about: a card opens in the panel, a clip or highlight opens its page. */
function Subject({ item, onOpenCard }: { item: Activity; onOpenCard: (cardId: string) => void }) {
  if (item.kind === 'card' && item.ref) {
    return (
      <button type="button" class="link" onClick={() => onOpenCard(item.ref)}>
        {item.title}
      </button>
    );
  }
  if (item.kind === 'clip' || item.kind === 'annotation' || item.kind === 'signal') {
    return (
      <SafeLink href={item.ref} title={item.ref}>
        {item.kind === 'annotation' ? `“${item.title}”` : item.title}
      </SafeLink>
    );
  }
  return <span>{item.title}</span>;
}

/**
 * The "Team" view: the latest changes in the joined teams, newest first: who shared or changed which card,
 * pack, clip or highlight, and when. Read again every few seconds while shown.
 */
export function TeamActivity({ onOpenCard }: { onOpenCard: (cardId: string) => void }) {
  const [items, setItems] = useState<Activity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void sendToBackground('team.activity', {}).then((result) => {
        if (!live) return;
        if (result.ok) {
          setItems(result.value);
          setError(null);
        } else setError(result.error);
      });
    load();
    const timer = window.setInterval(load, 5000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return (
    <section class="team-activity" aria-labelledby="team-activity-title">
      <h2 id="team-activity-title">Recent team activity</h2>
      {error ? <p role="alert">{error}</p> : null}
      {items === null ? null : items.length === 0 ? (
        <p class="empty">Nothing shared yet. Share a card, a pack, a clip or a page’s notes with your team.</p>
      ) : (
        <ul class="activity-list">
          {items.map((item) => (
            <li key={`${item.team}:${item.kind}:${item.ref}:${item.at}:${item.title}`}>
              <span class="who">{item.mine ? 'You' : item.by}</span> {item.action}{' '}
              {item.kind === 'annotation' ? '' : 'the '}
              {KIND[item.kind]} <Subject item={item} onOpenCard={onOpenCard} />
              <span class="where">
                in {item.team} · <time dateTime={item.at}>{ago(item.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
