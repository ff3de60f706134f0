import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { SigningKeyInfo } from '../../messaging/protocol';

/**
 * The key that signs exported case bundles: made here on the user's click (Ed25519), its private half kept in
 * this browser and never readable, even by Dossier; the fingerprint is what the user gives whoever checks a bundle.
 */
export function SigningKey() {
  const [key, setKey] = useState<SigningKeyInfo | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void sendToBackground('signing.key', {}).then((result) => setKey(result.ok ? result.value : null));
  }, []);
  const create = async () => {
    const replace = key !== null && key !== undefined;
    if (
      replace &&
      !confirm(
        'Replace your signing key? Bundles signed with the old key still verify with the old public key, but you can no longer sign with it.',
      )
    )
      return;
    const result = await sendToBackground('signing.create', { replace });
    if (result.ok) setKey(result.value);
    setStatus(result.ok ? 'Your signing key is ready: exported cases can be signed with it.' : result.error);
  };
  return (
    <section aria-labelledby="signing-title">
      <h2 id="signing-title">Signing case bundles</h2>
      {key ? (
        <p>
          Your key’s fingerprint: <code data-testid="key-fingerprint">{key.fingerprint}</code> (made{' '}
          {key.created.slice(0, 10)}). Give it to whoever checks your bundles: <code>npm run verify</code> prints the
          fingerprint of the key that signed one.
        </p>
      ) : (
        <p class="hint">No key yet. A signed bundle shows that its manifest was not changed since you exported it.</p>
      )}
      <button type="button" class="btn" disabled={key === undefined} onClick={() => void create()}>
        {key ? 'Replace my signing key' : 'Make a signing key'}
      </button>
      <p class="hint">Ed25519, made in this browser; its private half cannot be exported or read, only used to sign.</p>
      {status ? <p role="status">{status}</p> : null}
    </section>
  );
}
