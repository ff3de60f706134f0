import { describe, expect, it } from 'vitest';
import { documentKey, documentTarget } from './document-target';

describe('document targets', () => {
  it('names a document by its id where the browser gives one (Chromium)', () => {
    const ref = { tabId: 3, frameId: 7, documentId: 'DOC' };
    expect(documentTarget(ref)).toEqual({ tabId: 3, documentIds: ['DOC'] });
    expect(documentKey(ref)).toEqual({ key: 'DOC', stable: true });
  });
  it('falls back to the frame where it gives none (Firefox), and says the key may outlive the document', () => {
    const ref = { tabId: 3, frameId: 7 };
    expect(documentTarget(ref)).toEqual({ tabId: 3, frameIds: [7] });
    expect(documentKey(ref)).toEqual({ key: 'frame:3:7', stable: false });
  });
});
