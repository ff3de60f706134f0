// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNavigation } from './navigation';

describe('watchNavigation', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    history.replaceState(null, '', '/start');
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  /** jsdom has no Navigation API: a history change is announced as the browser without it would (popstate). */
  const go = (path: string) => {
    history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };

  it('reads the page again once the URL has stayed put, not in the navigation’s own task', () => {
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal, 150);
    go('/story');
    expect(onNavigate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(149);
    expect(onNavigate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('reads the page once for a burst of URL changes (a pushState and the replaceState that follows it)', () => {
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal, 150);
    go('/story');
    vi.advanceTimersByTime(100);
    go('/story?tab=1');
    vi.advanceTimersByTime(100);
    expect(onNavigate).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the URL came back to where it was, or once stopped', () => {
    const onNavigate = vi.fn();
    watchNavigation(onNavigate, controller.signal, 150);
    go('/elsewhere');
    go('/start');
    vi.advanceTimersByTime(500);
    expect(onNavigate).not.toHaveBeenCalled();
    go('/later');
    controller.abort();
    vi.advanceTimersByTime(500);
    expect(onNavigate).not.toHaveBeenCalled();
  });
});
