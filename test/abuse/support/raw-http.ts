import { connect, type Socket } from 'node:net';
import type { HttpResponse } from '../../http/support/client.js';
import { MOUNT } from '../../http/support/servers.js';

/** One request written byte for byte: what `fetch` and `node:http` refuse to send. */
export interface RawHttpRequest {
  readonly method: string;
  /** The request target as sent, below the mount: `/Users?filter=userName eq "x"`. */
  readonly target: string;
  /** Header lines in order; a name may repeat. `Host` and `Connection: close` are added unless given. */
  readonly headers?: readonly (readonly [string, string])[];
  /** Body bytes written right after the headers. */
  readonly body?: string | Buffer;
  /**
   * Body parts written one after the other, each once the previous one is flushed; used instead
   * of `body` to split a body across many TCP writes.
   */
  readonly parts?: readonly (string | Buffer)[];
  /**
   * `end` (the default) half-closes the socket after the last byte; `open` keeps it open, as a
   * client still sending would; `destroy` drops the connection mid-request and resolves at once.
   */
  readonly after?: 'end' | 'open' | 'destroy';
}

/**
 * Writes one raw HTTP/1.1 request to `origin` on a `node:net` socket and reads the response:
 * status, headers, and the body (by `Content-Length`, chunked, or until the server closes).
 * Resolves once the response is complete, whether or not the request was.
 */
export function sendRaw(origin: string, request: RawHttpRequest): Promise<HttpResponse> {
  const { hostname, port } = new URL(origin);
  const head = headOf(request, `${hostname}:${port}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const reader = new ResponseReader(request.method.toUpperCase() === 'HEAD');
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server may reset the connection after answering a request it did not read to the end.
      if (reader.response !== undefined) resolve(reader.response);
      else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(reader.finish());
      else reject(error);
    });
    socket.on('data', (chunk: Buffer) => {
      const done = reader.push(chunk);
      if (done !== undefined) {
        socket.destroy();
        resolve(done);
      }
    });
    socket.on('end', () => resolve(reader.finish()));
    socket.on('connect', () => {
      write(socket, request, head).then(
        () => {
          if (request.after === 'destroy') {
            socket.destroy();
            resolve(reader.finish());
          } else if (request.after !== 'open') socket.end();
        },
        () => {
          // The server closed the connection while the body was being written; its answer
          // (if any) arrives through 'data' and 'end'.
        },
      );
    });
  });
}

function headOf(request: RawHttpRequest, host: string): string {
  const headers = [...(request.headers ?? [])];
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', host]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  const lines = headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `${request.method} ${MOUNT}${request.target} HTTP/1.1\r\n${lines}\r\n`;
}

async function write(socket: Socket, request: RawHttpRequest, head: string): Promise<void> {
  await writeOne(socket, head);
  if (request.body !== undefined) await writeOne(socket, request.body);
  for (const part of request.parts ?? []) await writeOne(socket, part);
}

function writeOne(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Parses one HTTP/1.1 response as its bytes arrive. */
class ResponseReader {
  response: HttpResponse | undefined;
  private bytes = Buffer.alloc(0);

  /** `head`: the response to a HEAD request, which has no body whatever its headers say. */
  constructor(private readonly head: boolean) {}

  /** Adds bytes; returns the response once it is complete. */
  push(chunk: Buffer): HttpResponse | undefined {
    this.bytes = Buffer.concat([this.bytes, chunk]);
    this.response = this.parse(false);
    return this.response;
  }

  /** The response as far as it arrived (the server closed the connection). */
  finish(): HttpResponse {
    return this.response ?? this.parse(true) ?? emptyResponse();
  }

  private parse(closed: boolean): HttpResponse | undefined {
    const end = this.bytes.indexOf('\r\n\r\n');
    if (end === -1) return undefined;
    const [statusLine = '', ...lines] = this.bytes.subarray(0, end).toString('latin1').split('\r\n');
    const headers = new Headers();
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const rest = this.bytes.subarray(end + 4);
    let body: Buffer | undefined;
    const length = headers.get('content-length');
    if (this.head) body = Buffer.alloc(0);
    else if (headers.get('transfer-encoding')?.toLowerCase() === 'chunked') body = dechunk(rest);
    else if (length !== null)
      body = rest.length >= Number(length) ? rest.subarray(0, Number(length)) : undefined;
    else if (/^HTTP\/1\.1 (1\d\d|204|304)/.test(statusLine)) body = Buffer.alloc(0);
    else if (closed) body = rest;
    if (body === undefined) return undefined;
    const text = body.toString('utf8');
    return {
      status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
      headers,
      text,
      body: json(text),
    };
  }
}

/** The body of a complete chunked message, or `undefined` while chunks are missing. */
function dechunk(bytes: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (bytes.length < start + size + 2) return undefined;
    parts.push(bytes.subarray(start, start + size));
    at = start + size + 2;
  }
}

function json(text: string): unknown {
  try {
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function emptyResponse(): HttpResponse {
  return { status: 0, headers: new Headers(), text: '', body: undefined };
}
