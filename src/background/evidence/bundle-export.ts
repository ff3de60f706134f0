import { strToU8 } from 'fflate';
import { clipsCollection } from '../../clip/collection';
import { buildBundle } from '../../evidence/bundle';
import { toBase64 } from '../../evidence/bytes';
import type { CaseBundle } from '../../messaging/protocol';
import { appendCustody, custodyLog, findCase } from '../cases';
import { identityOf } from '../cases/identity';
import { annotationStore } from '../clips/annotation-handlers';
import { clipStore } from '../clips/clipping';
import { evidenceStore } from './capture';
import { userSigner } from './signing-key';

/*
 * A case exported as one bundle (src/evidence/bundle.ts): the case's record, its clips' Markdown notes (made in
 * the panel, where Turndown has a DOM) and JSON-LD, every capture's files and record, and the custody log with
 * its `exported` entry; signed with the user's key when asked.
 */

/** Builds a case's bundle from its notes (path → Markdown) and everything the background holds of it. */
export async function exportCase(caseId: string, notes: Record<string, string>, sign: boolean): Promise<CaseBundle> {
  const found = await findCase(caseId);
  if (!found) throw new Error('This case no longer exists.');
  const signer = sign ? await userSigner() : null;
  if (sign && !signer)
    throw new Error('There is no signing key: make one in the options page first. Nothing was exported.');
  const clips = (await clipStore().list()).filter((clip) => clip.caseId === caseId);
  const sources = new Set(clips.map((clip) => clip.canonicalUrl));
  const annotations = (await annotationStore().list()).filter((a) => sources.has(a.target.source));
  const created = new Date().toISOString();
  const files = new Map<string, Uint8Array>();
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  files.set('case.json', json(found));
  files.set('clips.jsonld', json(clipsCollection(clips, annotations, created)));
  for (const [name, text] of Object.entries(notes)) {
    if (!/^[^/\\]+\.md$/.test(name)) throw new Error(`A note's file name is not one: ${name.slice(0, 80)}`);
    files.set(`notes/${name}`, strToU8(text));
  }
  const captures = await evidenceStore().list({ caseId });
  for (const capture of captures) {
    const folder = `evidence/${capture.captureId}/`;
    files.set(`${folder}capture.json`, json(capture));
    for (const file of capture.files) {
      files.set(`${folder}${file.name}`, (await evidenceStore().file(capture.captureId, file.name)).bytes);
    }
  }
  const who = await identityOf(found);
  await appendCustody(caseId, 'exported', caseId, {
    clips: String(clips.length),
    captures: String(captures.length),
    signed: signer ? 'yes' : 'no',
  });
  const zip = await buildBundle({
    caseId,
    caseName: found.name,
    created,
    user: who.user,
    device: who.device,
    generator: `Dossier ${chrome.runtime.getManifest().version}`,
    files,
    custody: await custodyLog(caseId),
    ...(signer ? { signer } : {}),
  });
  const stem =
    found.name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'case';
  return {
    fileName: `dossier-case-${stem}-${created.slice(0, 10)}.zip`,
    base64: toBase64(zip),
    files: files.size + 1,
    bytes: zip.length,
    signed: signer !== null,
  };
}
