import { describe, expect, it } from 'vitest';
import { ERROR_COLOR, NO_TEAM, OFFLINE_COLOR, SYNCING_COLOR, sameBadge, teamBadge } from './badge';

describe('teamBadge', () => {
  it('is nothing at all in no team', () => {
    expect(teamBadge([])).toEqual(NO_TEAM);
  });

  it('keeps the normal look when synced, turns blue with a "…" while syncing, and says so in the title', () => {
    expect(teamBadge([{ team: 'research', sync: { state: 'synced', at: '2026-12-01T10:00:00Z' } }])).toEqual({
      color: null,
      text: '',
      title: 'Dossier — team research: synced',
    });
    expect(teamBadge([{ team: 'research', sync: { state: 'syncing' } }])).toEqual({
      color: SYNCING_COLOR,
      text: '…',
      title: 'Dossier — team research: syncing',
    });
  });

  it('turns grey when offline, without a mark of its own', () => {
    const badge = teamBadge([{ team: 'research', sync: { state: 'offline' } }]);
    expect(badge.color).toBe(OFFLINE_COLOR);
    expect(badge.text).toBe('');
    expect(badge.title).toMatch(/^Dossier — team research: offline/);
  });

  it('turns amber with a "!" and the reason when a sync stopped on an error', () => {
    const badge = teamBadge([
      { team: 'research', sync: { state: 'error', reason: 'this user is not a member of the team on the server' } },
    ]);
    expect(badge).toEqual({
      color: ERROR_COLOR,
      text: '!',
      title: 'Dossier — team research: this user is not a member of the team on the server',
    });
  });

  it('takes the worst state of several teams for the colour and lists every team in the title', () => {
    const badge = teamBadge([
      { team: 'research', sync: { state: 'offline' } },
      { team: 'desk', sync: { state: 'error', reason: 'refused' } },
      { team: 'other', sync: { state: 'synced', at: '2026-12-01T10:00:00Z' } },
    ]);
    expect(badge.color).toBe(ERROR_COLOR);
    expect(badge.title?.split('\n')).toEqual([
      expect.stringMatching(/^Dossier — team research: offline/),
      'Dossier — team desk: refused',
      'Dossier — team other: synced',
    ]);
    expect(
      teamBadge([
        { team: 'research', sync: { state: 'offline' } },
        { team: 'other', sync: { state: 'syncing' } },
      ]).color,
    ).toBe(OFFLINE_COLOR);
  });

  it('tells a change of look from none (a new "synced" time is none)', () => {
    const at = (time: string) => teamBadge([{ team: 'research', sync: { state: 'synced', at: time } }]);
    expect(sameBadge(at('2026-12-01T10:00:00Z'), at('2026-12-01T10:05:00Z'))).toBe(true);
    expect(sameBadge(at('2026-12-01T10:00:00Z'), teamBadge([{ team: 'research', sync: { state: 'offline' } }]))).toBe(
      false,
    );
  });
});
