const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Uint8Array(128);
const ASCII = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** Base64 of raw bytes (no DOM or Node API needed): the characters' codes in a typed array, made a string in chunks. */
export function encodeBase64(bytes: Uint8Array): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    codes[o++] = ASCII[a >> 2]!;
    codes[o++] = ASCII[((a & 3) << 4) | (b >> 4)]!;
    codes[o++] = i + 1 < bytes.length ? ASCII[((b & 15) << 2) | (c >> 6)]! : 61;
    codes[o++] = i + 2 < bytes.length ? ASCII[c & 63]! : 61;
  }
  const parts: string[] = [];
  const CHUNK = 0x8000;
  for (let i = 0; i < codes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** Raw bytes of a base64 string written by encodeBase64. */
export function decodeBase64(text: string): Uint8Array {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (CODES[text.charCodeAt(i)]! << 18) |
      (CODES[text.charCodeAt(i + 1)]! << 12) |
      (CODES[text.charCodeAt(i + 2)]! << 6) |
      CODES[text.charCodeAt(i + 3)]!;
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
