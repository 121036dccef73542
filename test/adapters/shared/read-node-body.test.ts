import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BodyReadError, readNodeBody } from '../../../src/adapters/shared/read-node-body.js';

const chunked = (chunks: Array<string | Buffer>) => Readable.from(chunks.map((c) => Buffer.from(c)));

describe('readNodeBody', () => {
  it('reads a body under the limit whole', async () => {
    await expect(readNodeBody(chunked(['{"a":', '1}']), 100)).resolves.toBe('{"a":1}');
  });

  it('resolves undefined for an empty body', async () => {
    await expect(readNodeBody(chunked([]), 100)).resolves.toBeUndefined();
  });

  it('resolves undefined for a stream already consumed', async () => {
    const stream = chunked(['abc']);
    stream.resume();
    await once(stream, 'end');
    await expect(readNodeBody(stream, 100)).resolves.toBeUndefined();
  });

  it('keeps at most limit + 1 bytes of one large chunk', async () => {
    await expect(readNodeBody(chunked(['x'.repeat(10_000)]), 10)).resolves.toBe('x'.repeat(11));
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const euro = Buffer.from('€');
    await expect(readNodeBody(chunked([euro.subarray(0, 1), euro.subarray(1)]), 100)).resolves.toBe('€');
  });

  it('discards the rest of an oversized stream so it still ends', async () => {
    const stream = new PassThrough();
    const body = readNodeBody(stream, 4);
    stream.write('0123456789');
    await expect(body).resolves.toBe('01234');
    stream.end('more that nobody keeps');
    await once(stream, 'end');
  });

  it('rejects with BodyReadError when the stream errors', async () => {
    const stream = new PassThrough();
    const body = readNodeBody(stream, 100);
    stream.destroy(new Error('reset'));
    await expect(body).rejects.toBeInstanceOf(BodyReadError);
    await expect(body).rejects.toMatchObject({ statusCode: 400, cause: new Error('reset') });
  });

  it('rejects when the stream closes before its end', async () => {
    const stream = new PassThrough();
    const body = readNodeBody(stream, 100);
    stream.write('partial');
    stream.destroy();
    await expect(body).rejects.toBeInstanceOf(BodyReadError);
  });

  it('rejects for a stream already destroyed', async () => {
    const stream = new PassThrough();
    stream.destroy();
    await expect(readNodeBody(stream, 100)).rejects.toBeInstanceOf(BodyReadError);
  });

  it('survives an error in the discarded remainder', async () => {
    const stream = new PassThrough();
    const body = readNodeBody(stream, 2);
    stream.write('abcdef');
    await expect(body).resolves.toBe('abc');
    const closed = new Promise((resolve) => stream.on('close', resolve));
    // Without a listener left on the stream, this error would crash the process.
    stream.destroy(new Error('late failure'));
    await closed;
  });

  test.prop([fc.string({ unit: 'binary' }), fc.array(fc.nat(), { maxLength: 6 }), fc.nat({ max: 64 })])(
    'gives the first limit + 1 bytes whatever the chunking',
    async (text, cuts, limit) => {
      const bytes = Buffer.from(text);
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...points].map((from, i) => bytes.subarray(from, [...points, bytes.length][i]));
      const expected = bytes.subarray(0, limit + 1);
      const result = await readNodeBody(chunked(chunks.filter((c) => c.length > 0)), limit);
      expect(result).toBe(expected.length === 0 ? undefined : expected.toString('utf8'));
    },
  );
});
