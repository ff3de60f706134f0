import { useState } from 'preact/hooks';
import { IgnoredCards } from './IgnoredCards';
import { ImportPack } from './ImportPack';
import { PackList } from './PackList';

/** The options page: card packs, and the cards ignored per site. */
export function Options() {
  // Bumped after an import so the pack list reloads.
  const [imports, setImports] = useState(0);
  return (
    <main class="options">
      <h1>Dossier options</h1>
      <section aria-labelledby="packs-title">
        <h2 id="packs-title">Card packs</h2>
        <ImportPack onImported={() => setImports((n) => n + 1)} />
        <PackList key={imports} />
      </section>
      <IgnoredCards />
    </main>
  );
}
