/**
 * One HTTP request sent as written (for the sync server's tests): the path byte for byte (fetch would resolve
 * `/./`, `/../` and `//`), any Host and Origin, and a body given as text, bytes, or a stream of chunks.
 */
import { request } from 'node:http';

/** What to send. */
export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | AsyncIterable<Uint8Array>;
}

/** The answer: status, headers and the body parsed as JSON (or its text when it is not JSON). */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Sends `req` to `base` (`http://127.0.0.1:PORT`). */
export function rawRequest(base: string, req: RawRequest): Promise<RawReply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: { host: url.host, ...req.headers },
        // A refused upload closes the connection: its end is not an error of the test's.
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Uint8Array[] = [];
        res.on('data', (chunk: Uint8Array) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: the text.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
        res.on('error', reject);
      },
    );
    // A server that answered before taking the whole body (a 401 or 413) may close the connection under the
    // rest of the upload: the answer is what counts.
    outgoing.on('error', (error) => {
      if (!answered) setTimeout(() => (answered ? undefined : reject(error)), 200);
    });
    const body = req.body;
    if (body === undefined) outgoing.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) outgoing.end(body);
    else {
      void (async () => {
        try {
          for await (const chunk of body) {
            if (!outgoing.write(chunk)) await new Promise((done) => outgoing.once('drain', done));
          }
          outgoing.end();
        } catch {
          // The server stopped reading (a 413): the answer already came or comes.
        }
      })();
    }
  });
}
