import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Already percent-encoded (or deliberately mis-encoded) path and query. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One request on its own connection, bytes exactly as given (supertest would re-encode the path
 * and serialise the body itself). A server that answers before reading the whole body (413) may
 * reset the socket while it is still being written: the answer counts, the write error does not.
 */
export function sendRaw(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.target,
        headers: {
          ...req.headers,
          ...(req.body ? { 'Content-Length': String(req.body.length) } : {}),
        },
        agent: false,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(req.body);
  });
}
