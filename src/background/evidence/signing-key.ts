import { fingerprint, type Signer, signerOf, toBase64 } from '../../evidence/signing';
import type { SigningKeyInfo } from '../../messaging/protocol';

/*
 * The user's key for signing case bundles: an Ed25519 pair made with WebCrypto, kept in the extension's
 * IndexedDB as CryptoKey objects. The private key is made non-extractable: no code, Dossier's included, can read
 * it out; it only signs. Replacing it is the user's explicit act (the options page asks); the old key is gone.
 */

const DB = 'dossier-keys';
const STORE = 'keys';
const KEY = 'case-signing';

interface StoredKey {
  pair: CryptoKeyPair;
  created: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

async function stored(): Promise<StoredKey | null> {
  return ((await run('readonly', (store) => store.get(KEY))) as StoredKey | undefined) ?? null;
}

async function infoOf(key: StoredKey): Promise<SigningKeyInfo> {
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key.pair.publicKey)));
  return { publicKey, fingerprint: await fingerprint(publicKey), created: key.created };
}

/** The user's signing key, or null when they have made none. */
export async function signingKey(): Promise<SigningKeyInfo | null> {
  const key = await stored();
  return key ? infoOf(key) : null;
}

/** Makes the user's signing key; one that exists is replaced only when `replace` says so. */
export async function createSigningKey(replace: boolean): Promise<SigningKeyInfo> {
  if (!replace && (await stored())) throw new Error('A signing key exists already; replacing it must be asked for.');
  // Extractable false: the private key can sign, never be read (the public key is always readable).
  const pair = (await crypto.subtle.generateKey('Ed25519', false, ['sign', 'verify'])) as CryptoKeyPair;
  const key: StoredKey = { pair, created: new Date().toISOString() };
  await run('readwrite', (store) => store.put(key, KEY));
  return infoOf(key);
}

/** A signer with the user's key, or null when they have none. */
export async function userSigner(): Promise<Signer | null> {
  const key = await stored();
  return key ? signerOf(key.pair) : null;
}
