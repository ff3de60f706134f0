import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** axe's violations on a page, as "rule: help (where)" lines. */
export async function violations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol, which an extension page's CSP does not govern.
  await page.evaluate(axeSource);
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
  };
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
