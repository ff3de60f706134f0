/** A team this device joined, as it is kept (in the extension's local storage, never in backups). */
export interface TeamConfig {
  team: string;
  /** The server's base URL, without a trailing slash. */
  url: string;
  user: string;
  /** ISO time. */
  joined: string;
}

/** Where a card shared in a team comes from: the team, who shared it and who changed it last, and when. */
export interface SharedOrigin {
  team: string;
  createdBy: string;
  updatedBy: string;
  updated: string | null;
}

/** Where a team's replication stands, as the options page and the side panel show it. */
export type SyncState =
  | { state: 'syncing' }
  | { state: 'synced'; at: string }
  | { state: 'offline' }
  | { state: 'error'; reason: string };

/** A joined team with its replication state and how many documents its local database holds. */
export interface TeamStatus extends TeamConfig {
  sync: SyncState;
  docs: number;
  /** The device account this browser syncs with; null when the server gave none and its session is used. */
  device: string | null;
  /** The team's documents that fail the extension's checks: never shown or used; counted, the first named. */
  skipped: { count: number; first: Array<{ id: string; reason: string }> };
}

/**
 * The server URL a team may use: `https:`, or `http:` on loopback only (a password and a session cookie never
 * cross a network unencrypted). Returns the URL without its trailing slash, or throws with the reason.
 */
export function checkTeamUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error('The server address is not a URL (for example https://couch.example:6984).');
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error('The server must use https: (plain http: is accepted on this computer only, 127.0.0.1).');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('The server address must not carry a user name, a password, a query or a fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

/** One change in a joined team: who shared or last changed what, and when. */
export interface TeamActivity {
  team: string;
  kind: 'card' | 'pack' | 'clip' | 'annotation' | 'signal';
  /** The card's or pack's name, the clip's title, the annotation's quote. */
  title: string;
  /** The card or pack id, or the page's URL (clips, annotations). */
  ref: string;
  /** Who changed it last, and who shared it first. */
  by: string;
  createdBy: string;
  /** ISO time ('' when the document does not say). */
  at: string;
  /** Shared (the document's first version) or changed since. */
  action: 'shared' | 'changed';
  /** The change is this device's user's. */
  mine: boolean;
}
