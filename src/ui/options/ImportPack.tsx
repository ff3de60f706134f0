import { useState } from 'preact/hooks';
import { INTERRUPTED, sendToBackground } from '../../messaging/client';
import { MAX_IMPORT_BYTES } from '../../messaging/protocol';
import type { PackReport } from '../../model/pack';
import { decodePackFile } from '../../model/pack-io';

type Outcome = { kind: 'ok'; report: PackReport } | { kind: 'error'; message: string } | null;

/** Reads a pack file and has the background import it; the outcome is announced to screen readers. */
async function importFile(file: File): Promise<Outcome> {
  const refused = (reason: string): Outcome => ({
    kind: 'error',
    message: `${file.name}: ${reason}. Nothing was imported.`,
  });
  if (file.size > MAX_IMPORT_BYTES) return refused('the file is larger than 10 MB');
  const text = decodePackFile(new Uint8Array(await file.arrayBuffer()));
  if (!text.ok) return refused(text.error);
  const result = await sendToBackground('pack.import', { fileName: file.name, text: text.value });
  if (result.ok) return { kind: 'ok', report: result.value };
  if (result.error === INTERRUPTED) {
    return {
      kind: 'error',
      message: `${file.name}: ${INTERRUPTED} An import under way is completed when Dossier next starts; reload this page to see the packs.`,
    };
  }
  return { kind: 'error', message: `${result.error.replace(/\.$/, '')}. Nothing was imported.` };
}

/** "Import pack": a file input and a drop zone for pack files (JSON or CSV, up to 10 MB). */
export function ImportPack({ onImported }: { onImported: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);

  const run = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const next = await importFile(file);
    setBusy(false);
    setOutcome(next);
    if (next?.kind === 'ok') onImported();
  };

  return (
    <section
      aria-label="Import a pack"
      class={`drop${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void run(event.dataTransfer?.files[0]);
      }}
    >
      <label class="import">
        Import pack
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            void run(input.files?.[0]).finally(() => {
              input.value = '';
            });
          }}
        />
      </label>
      <p class="hint">
        Or drop a pack file here. JSON (the Dossier pack format) or CSV with the header name,aliases,kind,summary,tags;
        up to 10 MB and 100,000 cards. A file with any error changes nothing.
      </p>
      {busy ? <p role="status">Importing…</p> : null}
      {outcome?.kind === 'ok' ? (
        <p role="status" class="ok">
          Imported “{outcome.report.name}”: {outcome.report.added} added, {outcome.report.updated} updated,{' '}
          {outcome.report.unchanged} unchanged ({outcome.report.total} cards).
          {outcome.report.kept > 0
            ? ` ${outcome.report.kept} you edited ${outcome.report.kept === 1 ? 'was' : 'were'} kept as you left them.`
            : ''}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
