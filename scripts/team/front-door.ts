/**
 * The first check of every request to the sync server or the device service, before anyone is asked who they
 * are: the `Host` must be one the server was started for (so that a web page which points its own host name at
 * 127.0.0.1, DNS rebinding, reaches nothing), and a browser request from a web page (an `Origin` that is not an
 * extension's) is refused. Extensions (`chrome-extension://`, `moz-extension://`) and programs (no `Origin`)
 * pass.
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

/**
 * The `Host` values a server on 127.0.0.1:`port` answers: its loopback address and `localhost`, and each public
 * origin it is served under by a reverse proxy (`https://couch.example`: `couch.example` and
 * `couch.example:443`). Throws on a public origin that is not an http(s) origin.
 */
export function allowedHosts(port: number, publicOrigins: readonly string[] = []): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
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
  }
  return hosts;
}

/** Refuses a request for another host, or from a web page; null when it may go on. */
export function checkFrontDoor(req: IncomingMessage, hosts: ReadonlySet<string>): DoorRefusal | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) {
    return { status: 421, error: 'misdirected_request', reason: 'This server does not answer for that host name.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !EXTENSION_ORIGIN.test(origin)) {
    return { status: 403, error: 'forbidden', reason: 'Web pages may not call this server; the extension may.' };
  }
  return null;
}
