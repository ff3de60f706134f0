import { describe, expect, it } from 'vitest';
import { BadPath, normalisePath } from './request-path';

describe('normalisePath', () => {
  it('reads every spelling of a path as one', () => {
    const one = '/dossier-team-demo/_all_docs';
    for (const spelling of [
      '/dossier-team-demo/_all_docs',
      '/dossier-team-demo/%5Fall_docs',
      '/dossier-team-demo/%5fall_docs',
      '//dossier-team-demo///_all_docs/',
      '/./dossier-team-demo/%2e/_all_docs',
      '/_users/../dossier-team-demo/_all_docs',
      '/%2E%2E/dossier-team-demo/_all_docs',
      '/%64ossier-team-demo/_all_docs',
    ]) {
      expect(normalisePath(spelling).canonical, spelling).toBe(one);
    }
  });

  it('splits a design or local document id written as one segment', () => {
    expect(normalisePath('/db/_design%2Fdossier').segments).toEqual(['db', '_design', 'dossier']);
    expect(normalisePath('/db/%5Flocal%2F_security').segments).toEqual(['db', '_local', '_security']);
    expect(normalisePath('/db/_design/dossier').canonical).toBe('/db/_design/dossier');
  });

  it('keeps a document id whole, its own slashes and colons escaped, and the query as it came', () => {
    const path = normalisePath('/db/clip:abc:alice?rev=1-x&revs=true');
    expect(path.segments).toEqual(['db', 'clip:abc:alice']);
    expect(path.canonical).toBe('/db/clip%3Aabc%3Aalice?rev=1-x&revs=true');
    expect(normalisePath('/db/a%2Fb').segments).toEqual(['db', 'a/b']);
  });

  it('refuses what names no path: an absolute URL, a malformed escape, a control character', () => {
    for (const target of ['http://127.0.0.1/db', '*', '/db/%ZZ', '/db/%E0%A4%A', '/db/a%00b', '/db/a%0Ab']) {
      expect(() => normalisePath(target), target).toThrow(BadPath);
    }
  });
});
