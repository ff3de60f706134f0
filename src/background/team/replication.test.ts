import { describe, expect, it } from 'vitest';
import { replicateTeam } from './replication';

/** One way of a replication, driven by the test. */
class FakeWay {
  readonly listeners = new Map<string, Array<(value: never) => void>>();
  cancelled = false;
  on(event: string, listener: (value: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, value?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(value as never);
  }
  cancel(): void {
    this.cancelled = true;
  }
  catch(): this {
    return this;
  }
}

function setUp() {
  const ways: { pull: FakeWay[]; push: FakeWay[] } = { pull: [], push: [] };
  const local = {
    replicate: {
      from: () => {
        const way = new FakeWay();
        ways.pull.push(way);
        return way;
      },
      to: () => {
        const way = new FakeWay();
        ways.push.push(way);
        return way;
      },
    },
  };
  const replication = replicateTeam(local, 'remote' as never, { live: true, retry: true });
  const told: Array<[string, unknown]> = [];
  for (const event of ['change', 'active', 'paused', 'pulled', 'denied', 'error'] as const) {
    replication.on(event, (value) => told.push([event, value]));
  }
  return { ways, replication, told };
}

describe('replicateTeam', () => {
  it('pulls first, pushes once the pull caught up, and tells one pause when both have', () => {
    const { ways, told } = setUp();
    expect(ways.pull).toHaveLength(1);
    expect(ways.push).toHaveLength(0);
    const pull = ways.pull[0]!;
    pull.fire('change', { docs: [{ _id: 'card:a' }] });
    expect(told).toEqual([['change', { direction: 'pull', change: { docs: [{ _id: 'card:a' }] } }]]);
    // Caught up: the push starts, and nothing is "synced" until it has caught up too.
    pull.fire('paused');
    expect(ways.push).toHaveLength(1);
    expect(told.map(([event]) => event)).toEqual(['change', 'pulled']);
    const push = ways.push[0]!;
    push.fire('change', { docs: [{ _id: 'card:mine' }] });
    push.fire('paused');
    expect(told.slice(2)).toEqual([
      ['change', { direction: 'push', change: { docs: [{ _id: 'card:mine' }] } }],
      ['paused', undefined],
    ]);
    // A teammate's change later: active, then paused again; the push is not started twice.
    pull.fire('active');
    pull.fire('paused');
    expect(ways.push).toHaveLength(1);
    expect(told.slice(4)).toEqual([
      ['active', { direction: 'pull' }],
      ['pulled', undefined],
      ['paused', undefined],
    ]);
  });

  it('says why it paused when the server does not answer, and no more once it does', () => {
    const { ways, told } = setUp();
    const down = new Error('connect ECONNREFUSED');
    ways.pull[0]!.fire('paused', down);
    // Offline from the start: nothing to push to yet.
    expect(ways.push).toHaveLength(0);
    expect(told).toEqual([['paused', down]]);
    ways.pull[0]!.fire('active');
    ways.pull[0]!.fire('paused');
    ways.push[0]!.fire('paused');
    // Later the push cannot reach the server: offline again.
    ways.push[0]!.fire('active');
    ways.push[0]!.fire('paused', down);
    expect(told.slice(1)).toEqual([
      ['active', { direction: 'pull' }],
      ['pulled', undefined],
      ['paused', undefined],
      ['active', { direction: 'push' }],
      ['paused', down],
    ]);
  });

  it('passes on a refused document with its direction, and stops both ways when it gives up', () => {
    const { ways, replication, told } = setUp();
    ways.pull[0]!.fire('paused');
    const answer = { error: 'forbidden', reason: 'no' };
    ways.push[0]!.fire('denied', answer);
    expect(told).toContainEqual(['denied', { direction: 'push', doc: answer }]);
    const refused = { status: 401 };
    ways.pull[0]!.fire('error', refused);
    expect(told.at(-1)).toEqual(['error', refused]);
    expect(ways.pull[0]!.cancelled && ways.push[0]!.cancelled).toBe(true);
    replication.cancel();
  });

  it('never starts the push once cancelled', () => {
    const { ways, replication } = setUp();
    replication.cancel();
    expect(ways.pull[0]!.cancelled).toBe(true);
    ways.pull[0]!.fire('paused');
    expect(ways.push).toHaveLength(0);
  });
});
