import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { PackSummary } from '../../messaging/protocol';
import { ShareWith } from '../ShareWith';
import { download } from './download';

/** The installed packs: enable or disable each, export it as JSON or CSV, remove it (with a confirmation). */
export function PackList() {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<PackSummary | null>(null);

  const load = async () => {
    const result = await sendToBackground('packs.list', {});
    if (result.ok) setPacks(result.value);
    else setError(result.error);
  };
  useEffect(() => {
    void load();
  }, []);

  const enable = async (pack: PackSummary, enabled: boolean) => {
    const result = await sendToBackground('pack.enable', { packId: pack.packId, enabled });
    if (!result.ok) return setError(result.error);
    setPacks(result.value);
    setNotice(
      `“${pack.name}” is ${enabled ? 'enabled: its cards link on pages' : 'disabled: its cards link nowhere'}.`,
    );
  };
  const exportPack = async (pack: PackSummary, format: 'json' | 'csv') => {
    const result = await sendToBackground('pack.export', { packId: pack.packId, format });
    if (!result.ok) return setError(result.error);
    download(result.value);
    setNotice(`Exported “${pack.name}” as ${result.value.fileName}.`);
  };
  const remove = async (pack: PackSummary) => {
    const result = await sendToBackground('pack.remove', { packId: pack.packId });
    setRemoving(null);
    if (!result.ok) return setError(result.error);
    setNotice(`Removed “${pack.name}” and its ${result.value.removed} cards.`);
    await load();
  };

  return (
    <>
      {error ? <p role="alert">{error}</p> : null}
      <p role="status" class="notice">
        {notice}
      </p>
      {packs ? (
        <table class="packs">
          <caption class="visually-hidden">Installed packs</caption>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Version</th>
              <th scope="col">Cards</th>
              <th scope="col">Enabled</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.packId}>
                <td>{pack.name}</td>
                <td>{pack.version}</td>
                <td>{pack.cards}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={pack.enabled}
                    aria-label={`Enable “${pack.name}”`}
                    onChange={(event) => void enable(pack, event.currentTarget.checked)}
                  />
                </td>
                <td class="row-actions">
                  <button
                    type="button"
                    class="btn"
                    aria-label={`Export “${pack.name}” as JSON`}
                    onClick={() => void exportPack(pack, 'json')}
                  >
                    JSON
                  </button>
                  <button
                    type="button"
                    class="btn"
                    aria-label={`Export “${pack.name}” as CSV`}
                    onClick={() => void exportPack(pack, 'csv')}
                  >
                    CSV
                  </button>
                  <ShareWith
                    onNotice={setNotice}
                    label={(team) => `Share “${pack.name}” with ${team}`}
                    share={async (team) => {
                      const result = await sendToBackground('pack.share', { packId: pack.packId, team });
                      return result.ok
                        ? `Shared “${pack.name}” and its ${result.value.cards} cards with ${team}.`
                        : `Could not share “${pack.name}”: ${result.error}`;
                    }}
                  />
                  {pack.builtIn ? null : (
                    <button
                      type="button"
                      class="btn danger"
                      aria-label={`Remove “${pack.name}”`}
                      onClick={() => setRemoving(pack)}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {removing ? (
        <fieldset class="confirm">
          <legend>
            Remove “{removing.name}” and its {removing.cards} cards, your edits of them included? This cannot be undone;
            export the pack first to keep a copy.
          </legend>
          <button type="button" class="btn danger" onClick={() => void remove(removing)}>
            Remove pack
          </button>
          <button type="button" class="btn" onClick={() => setRemoving(null)}>
            Cancel
          </button>
        </fieldset>
      ) : null}
    </>
  );
}
