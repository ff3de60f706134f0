import { fromBase64, toBase64 } from './bytes';

/*
 * A bundle's signature: Ed25519 (WebCrypto, in Chromium 137+, Firefox 129+ and Node 20) over the manifest's
 * canonical JSON. The public key travels in the manifest; its fingerprint is what a reader compares with the one
 * the signer gave them (a key in the bundle proves only that whoever holds it signed, not who that is).
 */

/** Signs bytes with a key the user holds (the private key never leaves its store). */
export interface Signer {
  /** The public key, raw (32 bytes). */
  publicKey: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A signer from a WebCrypto Ed25519 key pair. */
export async function signerOf(pair: CryptoKeyPair): Promise<Signer> {
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicKey,
    sign: async (data) => new Uint8Array(await crypto.subtle.sign('Ed25519', pair.privateKey, data.slice())),
  };
}

/** Whether `signature` (base64) is `publicKey`'s (base64, raw) signature of `data`. */
export async function verifySignature(publicKey: string, signature: string, data: Uint8Array): Promise<boolean> {
  const key = await crypto.subtle.importKey('raw', fromBase64(publicKey).slice(), 'Ed25519', false, ['verify']);
  return crypto.subtle.verify('Ed25519', key, fromBase64(signature).slice(), data.slice());
}

/** A public key's fingerprint: the first 16 bytes of its SHA-256, hex in groups of four. */
export async function fingerprint(publicKey: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKey).slice()));
  const hex = Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(':') ?? hex;
}

export { toBase64 };
