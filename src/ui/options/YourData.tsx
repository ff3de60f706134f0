import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import { MAX_BACKUP_BYTES } from '../../model/backup';
import { download } from './download';

/** Bytes in words. */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Pending = { kind: 'restore'; file: File } | { kind: 'wipe' } | null;

/** Export everything, restore from such an export, wipe everything (each replacing step confirmed), storage used. */
export function YourData({ onReplaced }: { onReplaced: () => void }) {
  const [usage, setUsage] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const measure = async () => {
    const estimate = await navigator.storage.estimate();
    setUsage(size(estimate.usage ?? 0));
  };
  useEffect(() => {
    void measure();
  }, []);

  const done = (message: string) => {
    setPending(null);
    setError(null);
    setNotice(message);
    void measure();
    onReplaced();
  };
  const exportAll = async () => {
    const result = await sendToBackground('data.export', {});
    if (!result.ok) return setError(result.error);
    download(result.value);
    setNotice(`Exported everything as ${result.value.fileName}.`);
  };
  const restore = async (file: File) => {
    if (file.size > MAX_BACKUP_BYTES)
      return setError(`${file.name}: the file is larger than 50 MB; nothing was restored.`);
    const result = await sendToBackground('data.restore', { text: await file.text() });
    if (!result.ok) {
      setPending(null);
      // Nothing changed: what an earlier action said no longer describes the store's latest step.
      setNotice('');
      return setError(`${file.name}: ${result.error}`);
    }
    const { cards, packs } = result.value;
    done(`Restored ${cards} cards and ${packs} packs from ${file.name}.`);
  };
  const wipe = async () => {
    const result = await sendToBackground('data.wipe', { confirm: true });
    if (!result.ok) return setError(result.error);
    done('Everything was deleted; the built-in cards are back as they come with Dossier.');
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p>
        Everything Dossier keeps stays in this browser. Storage used: <strong>{usage ?? '…'}</strong>.
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <p role="status" class="notice">
        {notice}
      </p>
      <div class="data-actions">
        <button type="button" class="btn" onClick={() => void exportAll()}>
          Export everything
        </button>
        <label class="btn file">
          Restore from backup
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) setPending({ kind: 'restore', file });
            }}
          />
        </label>
        <button type="button" class="btn danger" onClick={() => setPending({ kind: 'wipe' })}>
          Wipe everything…
        </button>
      </div>
      {pending ? (
        <fieldset class="confirm">
          <legend>
            {pending.kind === 'wipe'
              ? 'Delete every card, pack, clip, case and setting? This cannot be undone; export everything first to keep a copy. Custody logs are kept: they are never deleted.'
              : `Replace every card, pack, clip, case and setting with the content of ${pending.file.name}? What is not in the backup is lost, but for custody logs, which are kept.`}
          </legend>
          <button
            type="button"
            class="btn danger"
            onClick={() => void (pending.kind === 'wipe' ? wipe() : restore(pending.file))}
          >
            {pending.kind === 'wipe' ? 'Wipe everything' : 'Restore'}
          </button>
          <button type="button" class="btn" onClick={() => setPending(null)}>
            Cancel
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}
