import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedCase } from '../../../messaging/cases';
import { sendToBackground } from '../../../messaging/client';
import type { Clip } from '../../../model/clip';
import { ShareWith } from '../../ShareWith';
import { CaseFields } from './CaseFields';
import { CustodyLog } from './CustodyLog';
import { exportCaseBundle } from './export-case';

interface Props {
  found: ListedCase;
  current: boolean;
  /** After the case changed (the panel reads the cases again). */
  onChanged: () => void;
  onBack: () => void;
  /** Shows the Clips tab filtered to this case. */
  onShowClips: (caseId: string) => void;
}

/** A case's file: its name, description and status (the user's own case may change), its clips, its custody log. */
export function CaseView({ found, current, onChanged, onBack, onShowClips }: Props) {
  const [name, setName] = useState(found.name);
  const [description, setDescription] = useState(found.description);
  const [status, setStatus] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const [clips, setClips] = useState<Clip[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    setName(found.name);
    setDescription(found.description);
  }, [found.name, found.description]);
  useEffect(() => {
    let live = true;
    void sendToBackground('clips.list', {}).then((result) => {
      if (live && result.ok) setClips(result.value.filter((clip) => clip.caseId === found.caseId));
    });
    return () => {
      live = false;
    };
  }, [found.caseId, changes]);

  const [exporting, setExporting] = useState(false);
  const [sign, setSign] = useState(true);
  const [signingKey, setSigningKey] = useState<string | null>(null);
  useEffect(() => {
    void sendToBackground('signing.key', {}).then((result) =>
      setSigningKey(result.ok ? (result.value?.fingerprint ?? null) : null),
    );
  }, []);
  const exportBundle = async () => {
    setExporting(true);
    const said = await exportCaseBundle(found.caseId, signingKey !== null && sign);
    setExporting(false);
    done(said);
  };
  const done = (text: string) => {
    setStatus(text);
    setChanges((n) => n + 1);
    onChanged();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const result = await sendToBackground('case.update', { caseId: found.caseId, name, description });
    done(result.ok ? `Saved “${result.value.name}”.` : `Could not save: ${result.error}`);
  };
  const setOpen = async (open: boolean) => {
    const result = await sendToBackground('case.status', { caseId: found.caseId, status: open ? 'open' : 'closed' });
    done(result.ok ? (open ? 'The case is open again.' : 'The case is closed.') : result.error);
  };
  const setEvidence = async (evidenceAlways: boolean) => {
    const result = await sendToBackground('case.update', { caseId: found.caseId, evidenceAlways });
    done(
      result.ok
        ? evidenceAlways
          ? 'Every clip of this case is captured as evidence.'
          : 'Clips of this case are captured as evidence only when asked.'
        : result.error,
    );
  };
  const makeCurrent = async () => {
    const result = await sendToBackground('case.current.set', { caseId: found.caseId });
    done(result.ok ? `Clips now go into “${found.name}”.` : result.error);
  };
  const dirty = name !== found.name || description !== found.description;
  const titles = new Map(clips.map((clip) => [clip.clipId, clip.title]));

  return (
    <article class="case-file" aria-labelledby="case-title">
      <button type="button" class="link back" onClick={onBack}>
        ← Back
      </button>
      <h2 id="case-title" tabIndex={-1} ref={heading}>
        {found.name} <span class={`case-status ${found.status}`}>{found.status}</span>
      </h2>
      <p class="case-meta">
        {found.mine ? 'Your case' : `${found.createdBy}’s case`}
        {found.team ? `, shared with ${found.team}` : ''} · created {found.created.slice(0, 10)}
        {current ? ' · current: clips go into it' : ''}
      </p>
      <p role="status" class="notice">
        {status}
      </p>
      {found.mine ? (
        <form class="editor" onSubmit={(event) => void save(event)}>
          <CaseFields
            id="case-file"
            name={name}
            onName={setName}
            description={description}
            onDescription={setDescription}
            evidenceAlways={found.evidenceAlways}
            onEvidenceAlways={(on) => void setEvidence(on)}
          />
          <div class="actions">
            <button type="submit" class="btn primary" disabled={!dirty || !name.trim()}>
              Save
            </button>
            {found.status === 'open' ? (
              <button type="button" class="btn" onClick={() => void setOpen(false)}>
                Close case
              </button>
            ) : (
              <button type="button" class="btn" onClick={() => void setOpen(true)}>
                Reopen case
              </button>
            )}
            {found.team ? null : (
              <ShareWith
                onNotice={(text) => done(text)}
                share={async (team) => {
                  const result = await sendToBackground('case.share', { caseId: found.caseId, team });
                  const clips = result.ok ? result.value.clips : 0;
                  return result.ok
                    ? `Shared with ${team}${clips === 0 ? '' : clips === 1 ? ', with its clip' : `, with its ${clips} clips`}.`
                    : `Could not share: ${result.error}`;
                }}
              />
            )}
          </div>
        </form>
      ) : found.description ? (
        <p class="case-description">{found.description}</p>
      ) : null}
      <div class="actions">
        {!current && found.status === 'open' ? (
          <button type="button" class="btn" onClick={() => void makeCurrent()}>
            Make current
          </button>
        ) : null}
        {clips.length > 0 ? (
          <button type="button" class="btn" onClick={() => onShowClips(found.caseId)}>
            {clips.length === 1 ? 'Its clip' : `Its ${clips.length} clips`}
          </button>
        ) : (
          <span class="case-hint">No clips yet: pages clipped while it is current go into it.</span>
        )}
        <button type="button" class="btn" disabled={exporting} onClick={() => void exportBundle()}>
          {exporting ? 'Exporting…' : 'Export case (ZIP)'}
        </button>
        {signingKey ? (
          <label class="check" title={`Your key ${signingKey}`}>
            <input type="checkbox" checked={sign} onChange={(event) => setSign(event.currentTarget.checked)} />
            Sign with my key
          </label>
        ) : null}
      </div>
      <CustodyLog caseId={found.caseId} changes={changes} titles={titles} />
    </article>
  );
}
