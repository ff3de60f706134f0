import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../messaging/client';
import type { Settings } from '../../messaging/protocol';
import { HighlightStyle } from './HighlightStyle';
import { History } from './History';
import { IgnoredCards } from './IgnoredCards';
import { ImportPack } from './ImportPack';
import { PackList } from './PackList';
import { PdfReader } from './PdfReader';
import { SignalAlerts } from './SignalAlerts';
import { SigningKey } from './SigningKey';
import { Sites } from './Sites';
import { Teams } from './Teams';
import { YourData } from './YourData';

/** The options page: packs, where Dossier runs, cards ignored per site, highlight style, alerts, and the user's data. */
export function Options() {
  // Bumped after an import, a restore or a wipe so that the lists reload.
  const [generation, setGeneration] = useState(0);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => setGeneration((n) => n + 1);

  useEffect(() => {
    void sendToBackground('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, [generation]);

  return (
    <main class="options">
      <h1>Dossier options</h1>
      {error ? <p role="alert">{error}</p> : null}
      <section aria-labelledby="packs-title">
        <h2 id="packs-title">Card packs</h2>
        <ImportPack onImported={reload} />
        <PackList key={generation} />
      </section>
      {settings ? <Sites settings={settings} onChange={setSettings} /> : null}
      <IgnoredCards key={generation} />
      {settings ? <HighlightStyle settings={settings} onChange={setSettings} /> : null}
      {settings ? <SignalAlerts settings={settings} onChange={setSettings} /> : null}
      <PdfReader />
      <SigningKey />
      <History />
      <Teams />
      <YourData onReplaced={reload} />
    </main>
  );
}
