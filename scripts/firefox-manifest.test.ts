import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_MIN_VERSION, firefoxManifest, GECKO_ID, type ManifestFields } from './firefox-manifest';

const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../manifest.json'), 'utf8')) as ManifestFields;

describe('firefoxManifest', () => {
  const firefox: ManifestFields = firefoxManifest<ManifestFields>({
    ...source,
    web_accessible_resources: [{ resources: ['a.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
  });

  it('runs the background as an event page and shows the side panel as a sidebar', () => {
    expect(firefox.background).toEqual({ scripts: [source.background!.service_worker!], type: 'module' });
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.sidebar_action).toMatchObject({
      default_panel: source.side_panel!.default_path,
      default_title: 'Dossier',
    });
  });

  it('names the add-on and its minimum Firefox, and leaves out what Firefox lacks', () => {
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION },
    });
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.permissions).not.toContain('pageCapture');
    expect(source.permissions).toContain('pageCapture');
    expect(firefox.permissions).toEqual(source.permissions!.filter((p) => p !== 'sidePanel' && p !== 'pageCapture'));
    expect(firefox.web_accessible_resources).toEqual([{ resources: ['a.js'], matches: ['<all_urls>'] }]);
  });

  it('keeps everything else as the one manifest has it', () => {
    for (const key of [
      'name',
      'version',
      'description',
      'icons',
      'action',
      'commands',
      'host_permissions',
      'content_scripts',
      'options_ui',
      'optional_permissions',
      'optional_host_permissions',
    ]) {
      expect(firefox[key], key).toEqual(source[key]);
    }
  });

  it('does not change the manifest it was given', () => {
    const copy = structuredClone(source);
    firefoxManifest(copy);
    expect(copy).toEqual(source);
  });
});
