/**
 * The Firefox manifest, made from the one manifest.json: Firefox's MV3 runs the background as an event page
 * (`background.scripts`), shows the side panel as a sidebar (`sidebar_action`), needs an add-on id
 * (`browser_specific_settings.gecko`), and has no `sidePanel` or `pageCapture` permission or `minimum_chrome_version`.
 * `firefoxBuild()` is the Vite plugin that applies it to what CRXJS emits for `vite build --mode firefox`.
 */
import type { CrxPlugin } from '@crxjs/vite-plugin';

/** The add-on's id in Firefox (AMO keys the listing, updates and storage by it). */
export const GECKO_ID = 'dossier@dossier.invalid';

/**
 * The oldest Firefox Dossier runs in: 140 (an ESR) is the first with the CSS Custom Highlight API enabled,
 * which paints every mention.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/**
 * Permissions Firefox does not know (it warns on each): the side panel is its sidebar; pageCapture (MHTML) has no
 * Firefox counterpart, so an evidence capture there serialises the DOM instead.
 */
export const CHROMIUM_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['sidePanel', 'pageCapture']);

/** The fields of a manifest this transform reads or writes; the rest passes through untouched. */
export interface ManifestFields {
  name?: string;
  minimum_chrome_version?: string;
  action?: { default_title?: string; default_icon?: Record<string, string> };
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  side_panel?: { default_path: string };
  sidebar_action?: Record<string, unknown>;
  permissions?: string[];
  web_accessible_resources?: Array<Record<string, unknown>>;
  browser_specific_settings?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The background as Firefox runs it: the same module, as an event page's script. */
export function firefoxBackground<T extends ManifestFields>(manifest: T): T {
  const worker = manifest.background?.service_worker;
  if (!worker) return manifest;
  return { ...manifest, background: { scripts: [worker], type: 'module' } };
}

/**
 * The rest of the Firefox manifest: the side panel becomes the sidebar, Chromium-only keys and permissions
 * go, and the add-on id and minimum version come in. Returns a new object.
 */
export function firefoxManifest<T extends ManifestFields>(manifest: T): T {
  const { minimum_chrome_version: _chromeOnly, side_panel, ...rest } = firefoxBackground(manifest);
  const out: ManifestFields = { ...rest };
  if (side_panel) {
    out.sidebar_action = {
      default_panel: side_panel.default_path,
      default_title: manifest.action?.default_title ?? manifest.name,
      ...(manifest.action?.default_icon ? { default_icon: manifest.action.default_icon } : {}),
      open_at_install: false,
    };
  }
  out.permissions = (manifest.permissions ?? []).filter((permission) => !CHROMIUM_ONLY_PERMISSIONS.has(permission));
  // Every moz-extension: URL is already per-installation random; Firefox has no `use_dynamic_url`.
  if (manifest.web_accessible_resources) {
    out.web_accessible_resources = manifest.web_accessible_resources.map(
      ({ use_dynamic_url: _dynamic, ...entry }) => entry,
    );
  }
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Nothing is collected: cards, clips and notes stay in the browser unless the user joins their own team
      // server (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android reads that key from 142 on (and has no sidebar: Dossier is not made for it).
    gecko_android: { strict_min_version: '142.0' },
  };
  return out as T;
}

/** The Vite plugin of the Firefox build: rewrites the manifest CRXJS writes (after every other plugin's hook). */
export function firefoxBuild(): CrxPlugin {
  return {
    name: 'dossier:firefox-manifest',
    enforce: 'post',
    apply: 'build',
    renderCrxManifest(manifest) {
      return firefoxManifest(manifest as unknown as ManifestFields) as unknown as typeof manifest;
    },
  };
}
