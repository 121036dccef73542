import { describe, expect, it } from 'vitest';
import { readWebBody } from '../../../src/adapters/shared/read-web-body.js';

const encoder = new TextEncoder();

function streamOf(chunks: Uint8Array<ArrayBuffer>[], onCancel = () => {}): ReadableStream<Uint8Array> {
  const queue = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = queue.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel: onCancel,
  });
}

describe('readWebBody', () => {
  it('resolves undefined when there is no body or it is empty', async () => {
    await expect(readWebBody(null, 10)).resolves.toBeUndefined();
    await expect(readWebBody(streamOf([]), 10)).resolves.toBeUndefined();
  });

  it('reads a body under the limit whole', async () => {
    await expect(readWebBody(streamOf([encoder.encode('{"a":'), encoder.encode('1}')]), 100)).resolves.toBe(
      '{"a":1}',
    );
  });

  it('keeps limit + 1 bytes of a larger body and cancels the rest', async () => {
    let cancelled = false;
    const stream = streamOf(
      [encoder.encode('0123'), encoder.encode('456789'), encoder.encode('never read')],
      () => {
        cancelled = true;
      },
    );
    await expect(readWebBody(stream, 6)).resolves.toBe('0123456');
    expect(cancelled).toBe(true);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const euro = encoder.encode('€');
    await expect(readWebBody(streamOf([euro.subarray(0, 2), euro.subarray(2)]), 100)).resolves.toBe('€');
  });

  it('rejects when the stream errors', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('reset'));
      },
    });
    await expect(readWebBody(stream, 100)).rejects.toThrow('reset');
  });
});
