import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { launch } from '../scripts/browser';
import { expect, test } from './fixtures';

const root = resolve(import.meta.dirname, '..');

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [preact()],
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'preview' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as { output: Array<{ type: string; code?: string }> };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`Could not bundle ${entry}`);
  return chunk.code;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violation in the popover (${colorScheme})`, async () => {
    const context = await launch({ extension: false, colorScheme });
    const page = await context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>Popover preview</title></head><body><main><p><span id="mention">Nvida</span> shares rose.</p></main></body></html>',
    );
    await page.addScriptTag({ content: await bundle(resolve(import.meta.dirname, 'harness/popover-preview.tsx')) });
    await page.addScriptTag({ content: readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const results = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`);
    const violations = (results as { violations: Array<{ id: string; help: string; nodes: unknown[] }> }).violations;
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The popover really was there to check.
    expect(
      await page.evaluate(`document.querySelector('div').shadowRoot.querySelector('[role=dialog]') !== null`),
    ).toBe(true);
    await context.close();
  });

  test(`axe finds no violation in the annotation toolbar, its note editor and a highlight's note (${colorScheme})`, async () => {
    const context = await launch({ extension: false, colorScheme });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>Toolbar preview</title></head><body><main><h1>Toolbar preview</h1>${[
        0, 1, 2,
      ]
        .map(
          (i) => `<p style="margin-top:${i ? 260 : 120}px"><span id="quote-${i}">Export controls</span> tightened.</p>`,
        )
        .join('')}</main></body></html>`,
    );
    await page.addScriptTag({ content: await bundle(resolve(import.meta.dirname, 'harness/toolbar-preview.tsx')) });
    await page.addScriptTag({ content: readFileSync(resolve(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const results = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`);
    const violations = (results as { violations: Array<{ id: string; help: string; nodes: unknown[] }> }).violations;
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // The three modes really were there to check.
    expect(
      await page.evaluate(
        `[...document.querySelectorAll('div')].map((d) => d.shadowRoot?.querySelector('[role=toolbar], form, section')?.localName).join(' ')`,
      ),
    ).toBe('div section form');
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/toolbar-${colorScheme}.png` });
    await context.close();
  });
}
