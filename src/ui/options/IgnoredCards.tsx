import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { IgnoredCard } from '../../messaging/protocol';

/** The cards ignored on each site, each with a button to show it there again (for the options page). */
export function IgnoredCards() {
  const [items, setItems] = useState<IgnoredCard[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await sendToBackground('ignored.list', {});
    if (result.ok) setItems(result.value);
    else setError(result.error);
  };

  useEffect(() => {
    void load();
  }, []);

  const undo = async (item: IgnoredCard) => {
    const result = await sendToBackground('ignored.remove', { site: item.site, cardId: item.cardId });
    if (result.ok) await load();
    else setError(result.error);
  };

  return (
    <section aria-labelledby="ignored-title">
      <h2 id="ignored-title">Cards ignored on a site</h2>
      {error ? <p role="alert">{error}</p> : null}
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>No card is ignored anywhere.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.site} ${item.cardId}`}>
              <span>
                {item.name ?? item.cardId} on {item.site}
              </span>{' '}
              <button type="button" onClick={() => void undo(item)}>
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
