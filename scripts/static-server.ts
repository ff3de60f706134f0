/**
 * A small static file server on loopback for the demo page, e2e pages and the shared corpus. Requests for
 * anything outside the mounted folders get 404, so a page under test never reaches the network through us.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** URL prefix → folder on disk. */
export type Mounts = Record<string, string>;

/** The project's default mounts: /demo/, /pages/ (e2e) and /corpus/ (../shared/corpus, when present). */
export function defaultMounts(root = process.cwd()): Mounts {
  const mounts: Mounts = { '/demo/': join(root, 'demo'), '/pages/': join(root, 'e2e/pages') };
  const corpus = resolve(root, '../shared/corpus');
  if (existsSync(corpus)) mounts['/corpus/'] = corpus;
  return mounts;
}

/** A running server and its base URL (`http://127.0.0.1:PORT`). */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves the mounts on 127.0.0.1 (port 0 picks a free one). Extra headers may be set per path prefix. */
export function serve(
  mounts: Mounts = defaultMounts(),
  port = 0,
  headers: Record<string, Record<string, string>> = {},
): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
    if (!mount) {
      res.writeHead(404).end('Not found');
      return;
    }
    const base = mounts[mount]!;
    let file = normalize(join(base, path.slice(mount.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('Not found');
      return;
    }
    const extra = Object.entries(headers).find(([prefix]) => path.startsWith(prefix))?.[1] ?? {};
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...extra,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${actual}`,
        server,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}
