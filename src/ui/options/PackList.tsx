import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { PackSummary } from '../../messaging/protocol';

/** The installed packs with their versions and card counts. */
export function PackList() {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void sendToBackground('packs.list', {}).then((result) => {
      if (result.ok) setPacks(result.value);
      else setError(result.error);
    });
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!packs) return null;
  return (
    <table class="packs">
      <caption class="visually-hidden">Installed packs</caption>
      <thead>
        <tr>
          <th scope="col">Pack</th>
          <th scope="col">Version</th>
          <th scope="col">Cards</th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.packId}>
            <td>{pack.name}</td>
            <td>{pack.version}</td>
            <td>{pack.cards}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
