import type { Readable } from 'node:stream';

/** The request body stream failed or ended early (the client aborted): answered with a 400. */
export class BodyReadError extends Error {
  /** Always `BodyReadError`, so adapters and logs recognise it. */
  override readonly name = 'BodyReadError';
  /** The status adapters answer with; Fastify's error handler reads this property too. */
  readonly statusCode = 400;

  constructor(cause: unknown) {
    super('the request body could not be read', { cause });
  }
}

/**
 * Reads a Node request stream as UTF-8 text, at most `limit + 1` bytes, so the core can tell
 * an oversized body (and answer 413) without anyone buffering all of it.
 *
 * Resolves to `undefined` when the body is empty or the stream was already consumed. Past the
 * cap the rest of the stream is discarded as it arrives (as Node does for unread bodies), which
 * keeps the connection usable for the 413 response without holding the bytes.
 *
 * @throws BodyReadError when the stream errors or closes before its end.
 */
export function readNodeBody(stream: Readable, limit: number): Promise<string | undefined> {
  if (stream.readableEnded) return Promise.resolve(undefined);
  if (stream.destroyed) return Promise.reject(new BodyReadError(stream.errored ?? 'stream destroyed'));
  const cap = limit + 1;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: unknown) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
      stream.off('error', finish);
      if (error === undefined) {
        const bytes = Buffer.concat(chunks, Math.min(size, cap));
        resolve(bytes.length === 0 ? undefined : bytes.toString('utf8'));
      } else {
        reject(new BodyReadError(error));
      }
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size >= cap) finish(undefined);
    };
    const onEnd = () => finish(undefined);
    const onClose = () => finish(stream.errored ?? 'the request closed before its end');
    // Kept after settling: an error in the discarded remainder must not crash the process.
    stream.on('error', ignore);
    stream.on('error', finish);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onClose);
    stream.resume();
  });
}

function ignore(): void {}
