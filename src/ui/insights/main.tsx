import { render } from 'preact';
import type { InsightData } from '../../messaging/protocol';
import { Insights } from './Insights';

const root = document.getElementById('app');
if (__BENCH__ && root && location.hash.includes('bench')) {
  // Bench builds only (bench/network.ts): the page draws the data it is given instead of the store's.
  Object.assign(globalThis, {
    dossierBenchRender: (data: InsightData) => {
      location.hash = '#network';
      render(<Insights data={data} />, root);
    },
  });
} else if (root) render(<Insights />, root);
