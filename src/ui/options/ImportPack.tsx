import { useRef, useState } from 'preact/hooks';
import { INTERRUPTED, sendToBackground } from '../../messaging/client';
import { MAX_IMPORT_BYTES } from '../../messaging/protocol';
import {
  LIST_IMPORT_BYTES,
  type ListReport,
  MAX_LIST_PACK_BYTES,
  MAX_PACK_CARDS,
  MAX_PACK_NAMES,
  type PackReport,
} from '../../model/pack';
import { decodePackFile } from '../../model/pack-io';
import { Cancelled, importList, type ListImport, type ListProgress } from './list-import';

type Outcome =
  | { kind: 'ok'; report: PackReport | ListReport }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled'; name: string }
  | null;

const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads a small pack file whole and has the background import it; the outcome is announced to screen readers. */
async function importFile(file: File): Promise<Outcome> {
  const refused = (reason: string): Outcome => ({
    kind: 'error',
    message: `${file.name}: ${reason}. Nothing was imported.`,
  });
  if (file.size > MAX_IMPORT_BYTES)
    return refused('the file is larger than 10 MB (a .csv or .json list may be larger)');
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

/** Whether a file is imported as a list: a CSV or JSON pack file of LIST_IMPORT_BYTES or more. */
const isList = (file: File) => /\.(csv|json)$/i.test(file.name) && file.size >= LIST_IMPORT_BYTES;

/** Where a list import is, in words, and how far along (0–1). */
function describeProgress(p: ListProgress): { text: string; value: number } {
  if (p.phase === 'reading') {
    return {
      text: `Reading and checking: ${n(p.cards)} cards, ${n(p.names)} names (${mb(p.bytes)} of ${mb(p.size)})`,
      value: p.size > 0 ? (0.8 * p.bytes) / p.size : 0,
    };
  }
  if (p.phase === 'writing') {
    return {
      text: `Storing what changed: part ${n(p.sent + 1)} of ${n(p.toSend)} (${n(p.cards)} cards, ${n(p.names)} names)`,
      value: 0.8 + (0.18 * p.sent) / Math.max(1, p.toSend),
    };
  }
  return { text: `Switching over to the new list (${n(p.cards)} cards)…`, value: 0.98 };
}

/** The report of an import, in words. */
function describeReport(report: PackReport | ListReport): string {
  if ('removed' in report) {
    const kept =
      report.kept > 0
        ? ` ${n(report.kept)} you edited or deleted ${report.kept === 1 ? 'was' : 'were'} kept as you left ${report.kept === 1 ? 'it' : 'them'}.`
        : '';
    return `Imported list “${report.name}”: ${n(report.added)} added, ${n(report.updated)} changed, ${n(report.removed)} removed, ${n(report.unchanged)} unchanged (${n(report.total)} cards, ${n(report.names)} names).${kept}`;
  }
  const kept =
    report.kept > 0 ? ` ${report.kept} you edited ${report.kept === 1 ? 'was' : 'were'} kept as you left them.` : '';
  return `Imported “${report.name}”: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged (${report.total} cards).${kept}`;
}

/** "Import pack": a file input and a drop zone for pack files (JSON or CSV); a large one, a list, shows its progress. */
export function ImportPack({ onImported }: { onImported: () => void }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<ListProgress | null>(null);
  const running = useRef<ListImport | null>(null);

  const runList = async (file: File): Promise<Outcome> => {
    if (file.size > MAX_LIST_PACK_BYTES) {
      return {
        kind: 'error',
        message: `${file.name}: the file is larger than ${mb(MAX_LIST_PACK_BYTES)}. Nothing was imported.`,
      };
    }
    const job = importList(file, setProgress);
    running.current = job;
    try {
      return { kind: 'ok', report: await job.done };
    } catch (error) {
      if (error instanceof Cancelled) return { kind: 'cancelled', name: file.name };
      return {
        kind: 'error',
        message: `${file.name}: ${(error as Error).message.replace(/\.$/, '')}. Nothing was imported.`,
      };
    } finally {
      running.current = null;
    }
  };

  const run = async (file: File | undefined) => {
    if (!file || running.current) return;
    setBusy(true);
    setOutcome(null);
    const next = isList(file) ? await runList(file) : await importFile(file);
    setProgress(null);
    setBusy(false);
    setOutcome(next);
    if (next?.kind === 'ok') onImported();
  };

  const shown = progress ? describeProgress(progress) : null;
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
        Or drop a pack file here. JSON (the Dossier pack format) or CSV with the header name,aliases,kind,summary,tags.
        A file of {mb(LIST_IMPORT_BYTES)} or more is imported as a list: read as it loads, up to{' '}
        {mb(MAX_LIST_PACK_BYTES)}, {n(MAX_PACK_CARDS)} cards and {n(MAX_PACK_NAMES)} names; importing a newer version of
        it applies only what changed, and removes the cards it no longer has (never the ones you edited or made). A file
        with any error changes nothing.
      </p>
      {busy && !shown ? <p role="status">Importing…</p> : null}
      {shown ? (
        <div class="import-progress">
          <progress max={1} value={shown.value} aria-label="Import progress" />
          <p role="status">{shown.text}</p>
          <button type="button" disabled={progress?.phase === 'switching'} onClick={() => running.current?.cancel()}>
            Cancel import
          </button>
        </div>
      ) : null}
      {outcome?.kind === 'ok' ? (
        <p role="status" class="ok">
          {describeReport(outcome.report)}
        </p>
      ) : null}
      {outcome?.kind === 'cancelled' ? (
        <p role="status">{outcome.name}: import cancelled. Nothing was changed.</p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p role="alert" class="error">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
