import { describe, expect, it } from 'vitest';
import { isPdfResponse } from './redirect';

const response = (headers: Record<string, string>, statusCode = 200, method = 'GET') => ({
  method,
  statusCode,
  responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
});

describe('isPdfResponse', () => {
  it('takes a PDF shown in the tab, whatever its address or the header names’ case', () => {
    expect(isPdfResponse(response({ 'Content-Type': 'application/pdf' }))).toBe(true);
    expect(isPdfResponse(response({ 'content-type': 'Application/PDF; charset=binary' }))).toBe(true);
    expect(isPdfResponse(response({ 'content-type': 'application/pdf', 'content-disposition': 'inline' }))).toBe(true);
  });

  it('leaves downloads, other types, errors and non-GET requests to the browser', () => {
    expect(
      isPdfResponse(
        response({ 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename=a.pdf' }),
      ),
    ).toBe(false);
    expect(isPdfResponse(response({ 'content-type': 'text/html' }))).toBe(false);
    expect(isPdfResponse(response({}))).toBe(false);
    expect(isPdfResponse(response({ 'content-type': 'application/pdf' }, 404))).toBe(false);
    expect(isPdfResponse(response({ 'content-type': 'application/pdf' }, 200, 'POST'))).toBe(false);
  });
});
