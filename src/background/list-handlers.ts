import type { panelToBackground } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import type { Library } from './library';
import { refreshTabs } from './page/site-handlers';

/** The options page's list imports: begun, fed bucket by bucket, then committed or cancelled. */
export function listPanelHandlers(
  library: Library,
): Pick<Handlers<typeof panelToBackground>, 'list.begin' | 'list.stage' | 'list.commit' | 'list.cancel'> {
  return {
    'list.begin': (meta) => library.beginList(meta),
    'list.stage': async ({ importId, buckets }) => ({ staged: await library.stageList(importId, buckets) }),
    'list.commit': async ({ importId, buckets }) => {
      const report = await library.commitList(importId, buckets);
      void refreshTabs();
      return report;
    },
    'list.cancel': async ({ importId }) => ({ cancelled: await library.cancelList(importId) }),
  };
}
