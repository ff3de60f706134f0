import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCI, skipWithoutShared } from './needs-shared';

describe('tests that need ../shared', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('run when it is there, CI or not', () => {
    vi.stubEnv('CI', 'true');
    expect(skipWithoutShared(true, 'a test')).toBe(false);
    vi.stubEnv('CI', '');
    expect(skipWithoutShared(true, 'a test')).toBe(false);
  });

  it('skip with a warning when it is missing outside CI', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(skipWithoutShared(false, 'a test')).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('a test: skipped'));
    warn.mockRestore();
  });

  it('run (and so fail) when it is missing under CI=true or CI=1', () => {
    for (const ci of ['true', '1', 'TRUE']) {
      vi.stubEnv('CI', ci);
      expect(isCI()).toBe(true);
      expect(skipWithoutShared(false, 'a test')).toBe(false);
    }
    vi.stubEnv('CI', 'false');
    expect(isCI()).toBe(false);
  });
});
