/*
 * Many strings as one block of UTF-8 bytes and their offsets: a million names cost their bytes, not a million
 * string objects, and load from storage as two typed arrays. A string is decoded when it is asked for.
 */

/** Strings i = 0..n-1, string i being bytes[offsets[i] .. offsets[i + 1]) as UTF-8. */
export interface Strings {
  bytes: Uint8Array;
  offsets: Int32Array;
}

/** Packs a list of strings. */
export function buildStrings(list: readonly string[]): Strings {
  let size = 0;
  for (const s of list) size += utf8Length(s);
  const bytes = new Uint8Array(size);
  const offsets = new Int32Array(list.length + 1);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    at = writeUtf8(list[i]!, bytes, at);
    offsets[i + 1] = at;
  }
  return { bytes, offsets };
}

/** String i. */
export function stringAt(strings: Strings, i: number): string {
  const { bytes, offsets } = strings;
  const end = offsets[i + 1]!;
  let out = '';
  for (let k = offsets[i]!; k < end; ) {
    const b = bytes[k]!;
    let code: number;
    if (b < 0x80) {
      code = b;
      k += 1;
    } else if (b < 0xe0) {
      code = ((b & 0x1f) << 6) | (bytes[k + 1]! & 0x3f);
      k += 2;
    } else if (b < 0xf0) {
      code = ((b & 0x0f) << 12) | ((bytes[k + 1]! & 0x3f) << 6) | (bytes[k + 2]! & 0x3f);
      k += 3;
    } else {
      code =
        ((b & 0x07) << 18) | ((bytes[k + 1]! & 0x3f) << 12) | ((bytes[k + 2]! & 0x3f) << 6) | (bytes[k + 3]! & 0x3f);
      k += 4;
    }
    out += String.fromCodePoint(code);
  }
  return out;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function writeUtf8(s: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      c = s.codePointAt(i)!;
      i++;
    }
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      out[at++] = 0xf0 | (c >> 18);
      out[at++] = 0x80 | ((c >> 12) & 0x3f);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}
