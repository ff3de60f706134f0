/**
 * A request's path as every rule of the sync server sees it: percent-decoded once (`%5F` is `_`, whatever the
 * case of its hex digits), empty and `.` segments dropped (`//`, `/./`, a trailing slash), `..` resolved, and
 * a document id written as one segment (`_design%2Fdossier`) split as CouchDB reads it. The server then hands
 * express-pouchdb the canonical form of that same path, so what a rule decided is what is served.
 */

/** A normalised request target. */
export interface RequestPath {
  /** Decoded segments: `['dossier-team-demo', '_local', 'abc']`. */
  segments: string[];
  /** The raw query string, without its `?` (never part of a rule's path). */
  query: string;
  /** The path and query to serve: each segment percent-encoded, one `/` between them. */
  canonical: string;
}

/** Why a request target cannot be read as a path. */
export class BadPath extends Error {}

/** Document ids CouchDB addresses over two segments (`_design/name`, `_local/name`). */
const SPLIT_PREFIXES = ['_design/', '_local/'];

/** Reads a request target (`req.url`); throws BadPath for one that names no path of this server. */
export function normalisePath(target: string): RequestPath {
  // Origin form only: an absolute URL (a proxy's request) or `*` is not for this server.
  if (!target.startsWith('/')) throw new BadPath('The request target must be a path.');
  const at = target.indexOf('?');
  const raw = at < 0 ? target : target.slice(0, at);
  const query = at < 0 ? '' : target.slice(at + 1);
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      throw new BadPath('The path holds a malformed percent escape.');
    }
    // Control characters name nothing this server keeps, and confuse logs.
    if (/\p{Cc}/u.test(segment)) throw new BadPath('The path holds a control character.');
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  // A document id with its slash escaped (`/db/_design%2Fdossier`) is the same document as `/db/_design/dossier`.
  const id = segments[1];
  const prefix = id === undefined ? undefined : SPLIT_PREFIXES.find((p) => id.startsWith(p));
  if (id !== undefined && prefix) {
    const rest = id.slice(prefix.length);
    segments.splice(1, 1, prefix.slice(0, -1), ...(rest ? [rest] : []));
  }
  const path = `/${segments.map(encodeURIComponent).join('/')}`;
  return { segments, query, canonical: query ? `${path}?${query}` : path };
}
