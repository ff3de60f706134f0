/**
 * The first check of every request to the sync server or the device service, before anyone is asked who they
 * are: the `Host` must be one the server was started for (so that a web page which points its own host name at
 * 127.0.0.1, DNS rebinding, reaches nothing), and a browser request from a web page (an `Origin` that is not an
 * extension's) is refused. Extensions (`chrome-extension://`, `moz-extension://`), programs (no `Origin`) and
 * the server's own origins pass: it serves no page of its own (no Fauxton, no attachments), so only a page put
 * there by its owner (the team benchmark's floor) has one.
 */
import type { IncomingMessage } from 'node:http';

/** A refusal of the front door. */
export interface DoorRefusal {
  status: number;
  error: string;
  reason: string;
}

/** Origins of browser extensions, which may call the server (the extension's host permission allows it). */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9.-]+$/i;

/** What a server answers: the `Host` values, and the `Origin` values that are its own. */
export interface Door {
  hosts: Set<string>;
  origins: Set<string>;
}

/**
 * The `Host` values a server on 127.0.0.1:`port` answers: its loopback address and `localhost`, and each public
 * origin it is served under by a reverse proxy (`https://couch.example`: `couch.example` and
 * `couch.example:443`); and those origins. Throws on a public origin that is not an http(s) origin.
 */
export function allowedHosts(port: number, publicOrigins: readonly string[] = []): Door {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  for (const origin of publicOrigins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`${origin}: give a public origin as https://host[:port].`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.username) {
      throw new Error(`${origin}: give a public origin as https://host[:port], with no path.`);
    }
    hosts.add(url.host.toLowerCase());
    if (!url.port) hosts.add(`${url.hostname.toLowerCase()}:${url.protocol === 'https:' ? 443 : 80}`);
    origins.add(url.origin.toLowerCase());
  }
  return { hosts, origins };
}

/** Refuses a request for another host, or from a web page; null when it may go on. */
export function checkFrontDoor(req: IncomingMessage, door: Door): DoorRefusal | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !door.hosts.has(host)) {
    return { status: 421, error: 'misdirected_request', reason: 'This server does not answer for that host name.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !EXTENSION_ORIGIN.test(origin) && !door.origins.has(origin.toLowerCase())) {
    return { status: 403, error: 'forbidden', reason: 'Web pages may not call this server; the extension may.' };
  }
  return null;
}
