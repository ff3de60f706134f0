/*
 * A team's live replication, both ways, as PouchDB's sync() makes it, with two differences:
 *
 * - The push starts once the pull has caught up. Everything pulled is a local change too, which the push
 *   offers back to the server (one `_revs_diff` per batch) only to hear that it has it: during a first sync of
 *   10,000 cards that made the server answer twice as many requests and slowed the sync by a third
 *   (bench/README.md). The user's own changes wait for the pull to catch up, then go, all of them, conflicting
 *   revisions included.
 * - A pause says why. PouchDB's sync drops the error of a replication that paused because the server did not
 *   answer (it is retrying), so an unreachable server looked "synced"; here it is "offline".
 */

type Direction = 'pull' | 'push';

/** What a team's replication tells, in PouchDB's sync() shapes. */
export interface TeamReplicationEvents {
  /** Documents written on one side. */
  change: { direction: Direction; change: { docs?: Array<{ _id: string }> } };
  /** Replicating again after a pause. */
  active: { direction: Direction };
  /** Both ways caught up; with the error of a side waiting for the server to answer (offline). */
  paused: unknown;
  /** The pull caught up: the local database has every change the server had (the push may still be going). */
  pulled: undefined;
  /** The other side refused a document (its answer is `doc`). */
  denied: { direction: Direction; doc: unknown };
  /** The replication gave up (the server refused this device): both ways stopped. */
  error: unknown;
}

type Listener<K extends keyof TeamReplicationEvents> = (event: TeamReplicationEvents[K]) => void;

/** One way of the replication, as PouchDB's replicate() returns it. */
interface OneWay {
  on(event: string, listener: (value: never) => void): OneWay;
  cancel(): void;
  catch(onError: (error: unknown) => void): unknown;
}

/** A local database that replicates (PouchDB's `replicate.from` and `replicate.to`, typed loosely: their `on` is overloaded). */
interface Replicable {
  replicate: {
    from(remote: never, options: object): unknown;
    to(remote: never, options: object): unknown;
  };
}

/** A running team replication: listen to it, cancel it. */
export class TeamReplication {
  private readonly listeners = new Map<keyof TeamReplicationEvents, Array<(event: never) => void>>();
  private readonly running: OneWay[] = [];
  private cancelled = false;

  on<K extends keyof TeamReplicationEvents>(event: K, listener: Listener<K>): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as (event: never) => void]);
    return this;
  }

  /** @internal */
  emit<K extends keyof TeamReplicationEvents>(event: K, value: TeamReplicationEvents[K]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<K>)(value);
  }

  /** @internal Starts one way, unless cancelled. */
  start(way: () => unknown): OneWay | null {
    if (this.cancelled) return null;
    const started = way() as OneWay;
    // The outcome is told through the events; the promise's rejection is not left unhandled.
    started.catch(() => undefined);
    this.running.push(started);
    return started;
  }

  cancel(): void {
    this.cancelled = true;
    for (const way of this.running) way.cancel();
  }
}

/** Replicates `local` with `remote` live, both ways: the pull first, the push once the pull has caught up. */
export function replicateTeam(local: Replicable, remote: never, options: object): TeamReplication {
  const replication = new TeamReplication();
  // Each way: replicating, caught up, or waiting for the server (offline); the push is off until it starts.
  const state: Record<Direction, 'active' | 'paused' | 'offline' | 'off'> = { pull: 'active', push: 'off' };
  let offlineBecause: unknown;
  const caughtUp = () => state.pull !== 'active' && state.push !== 'active';

  const follow = (direction: Direction, way: OneWay | null) => {
    way
      ?.on('change', (change: { docs?: Array<{ _id: string }> }) => replication.emit('change', { direction, change }))
      .on('active', () => {
        const wasPaused = caughtUp();
        state[direction] = 'active';
        if (wasPaused) replication.emit('active', { direction });
      })
      .on('paused', (error: unknown) => {
        state[direction] = error ? 'offline' : 'paused';
        if (error) offlineBecause = error;
        if (direction === 'pull' && !error) replication.emit('pulled', undefined);
        if (direction === 'pull' && !error && state.push === 'off') {
          state.push = 'active';
          follow(
            'push',
            replication.start(() => local.replicate.to(remote, options)),
          );
          return;
        }
        if (caughtUp()) {
          replication.emit('paused', state.pull === 'offline' || state.push === 'offline' ? offlineBecause : undefined);
        }
      })
      .on('denied', (doc: unknown) => replication.emit('denied', { direction, doc }))
      .on('error', (error: unknown) => {
        replication.cancel();
        replication.emit('error', error);
      });
  };
  follow(
    'pull',
    replication.start(() => local.replicate.from(remote, options)),
  );
  return replication;
}
