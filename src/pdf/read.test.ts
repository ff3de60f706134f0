import { describe, expect, it } from 'vitest';
import { describePdfError, looksLikePdf, pdfDate } from './read';

describe('PDF reading helpers', () => {
  it('reads PDF dates, with or without their parts', () => {
    expect(pdfDate('D:20240131120507Z')).toBe('2024-01-31T12:05:07.000Z');
    expect(pdfDate('D:2024')).toBe('2024-01-01T00:00:00.000Z');
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate(undefined)).toBeNull();
  });

  it('knows a PDF by its header within the first kilobyte', () => {
    const enc = new TextEncoder();
    expect(looksLikePdf(enc.encode('%PDF-1.7\n…'))).toBe(true);
    expect(looksLikePdf(enc.encode(`${' '.repeat(100)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(enc.encode('<!doctype html><title>Not found</title>'))).toBe(false);
  });

  it('tells a missing password from a wrong one, and a damaged file from the rest', () => {
    const error = (name: string, code?: number) => Object.assign(new Error('x'), { name, code });
    expect(describePdfError(error('PasswordException', 1))).toMatchObject({
      needsPassword: true,
      wrongPassword: false,
    });
    expect(describePdfError(error('PasswordException', 2))).toMatchObject({ needsPassword: true, wrongPassword: true });
    expect(describePdfError(error('InvalidPDFException')).message).toMatch(/damaged or is not a PDF/);
    expect(describePdfError(new Error('boom')).message).toBe('Dossier could not open this PDF: boom');
  });
});
