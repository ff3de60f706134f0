/*
 * A small MHTML reader (RFC 2557, multipart/related as Chromium's pageCapture writes it): the parts with their
 * headers and decoded bytes, so a viewer can show the page from them alone. Pure: no DOM, no network.
 */

/** One part of an MHTML file. */
export interface MhtmlPart {
  /** Header names lower-cased; folded lines joined. */
  headers: Map<string, string>;
  /** Its media type without parameters, lower-cased (`text/html`). */
  type: string;
  /** The `charset` parameter, if any. */
  charset: string | null;
  /** `Content-Location` (the resource's address when saved), if any. */
  location: string | null;
  /** `Content-ID` without its angle brackets, if any. */
  contentId: string | null;
  body: Uint8Array;
}

/** A parsed MHTML file. */
export interface Mhtml {
  /** The page's address when saved (`Snapshot-Content-Location`), if given. */
  location: string | null;
  /** The parts, the main document first. */
  parts: MhtmlPart[];
}

/** Reads an MHTML file; throws with a clear message when it is not one. */
export function parseMhtml(bytes: Uint8Array): Mhtml {
  const text = latin1(bytes);
  const { headers, bodyStart } = readHeaders(text, 0);
  const contentType = headers.get('content-type') ?? '';
  if (!/^multipart\/related\b/i.test(contentType)) throw new Error('not an MHTML file (no multipart/related type)');
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) throw new Error('not an MHTML file (no boundary)');
  // A part ends at the line break before the next delimiter line; `--` after the delimiter closes the file.
  const pieces = text.slice(bodyStart).split(new RegExp(`(?:\\r?\\n)?--${escapeRegExp(boundary)}`));
  const parts: MhtmlPart[] = [];
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    const part = readPart(piece.slice(skipLineBreak(piece, 0)));
    if (part) parts.push(part);
  }
  if (parts.length === 0) throw new Error('the MHTML file has no parts');
  return { location: headers.get('snapshot-content-location') ?? null, parts };
}

/** A part's body as text (its charset, UTF-8 by default). */
export function partText(part: MhtmlPart): string {
  try {
    return new TextDecoder(part.charset ?? 'utf-8').decode(part.body);
  } catch {
    return new TextDecoder('utf-8').decode(part.body);
  }
}

function readPart(raw: string): MhtmlPart | null {
  const { headers, bodyStart } = readHeaders(raw, 0);
  if (headers.size === 0) return null;
  const contentType = headers.get('content-type') ?? 'text/plain';
  const encoding = (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const payload = raw.slice(bodyStart);
  const body =
    encoding === 'base64'
      ? fromBase64(payload)
      : encoding === 'quoted-printable'
        ? fromQuotedPrintable(payload)
        : fromLatin1(payload);
  const id = headers.get('content-id');
  return {
    headers,
    type: (contentType.split(';')[0] ?? '').trim().toLowerCase(),
    charset: parameter(contentType, 'charset'),
    location: headers.get('content-location')?.trim() ?? null,
    contentId: id ? id.trim().replace(/^<|>$/g, '') : null,
    body,
  };
}

function readHeaders(text: string, start: number): { headers: Map<string, string>; bodyStart: number } {
  const headers = new Map<string, string>();
  let at = start;
  let last: string | null = null;
  while (at < text.length) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    at = lineEnd + 1;
    if (line === '') break;
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, bodyStart: Math.min(at, text.length) };
}

function parameter(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function skipLineBreak(text: string, at: number): number {
  if (text.startsWith('\r\n', at)) return at + 2;
  if (text.startsWith('\n', at)) return at + 1;
  return at;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return out;
}

function fromLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let at = 0; at < text.length; at++) out[at] = text.charCodeAt(at) & 0xff;
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  // atob wants whole groups of four: pad what the line breaks and `=` removal left.
  return fromLatin1(atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '=').replace(/^(.*?)(={3,})$/, '$1')));
}

function fromQuotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let at = 0; at < source.length; at++) {
    const char = source.charCodeAt(at);
    if (char === 0x3d && /^[0-9A-Fa-f]{2}$/.test(source.slice(at + 1, at + 3))) {
      bytes.push(Number.parseInt(source.slice(at + 1, at + 3), 16));
      at += 2;
    } else {
      bytes.push(char & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}
