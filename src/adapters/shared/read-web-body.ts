/**
 * Reads a Web `ReadableStream` body as UTF-8 text, at most `limit + 1` bytes, then cancels the
 * rest, so the core can tell an oversized body (and answer 413) without anyone buffering all of it.
 *
 * Resolves to `undefined` when there is no body or it is empty; rejects when the stream errors.
 */
export async function readWebBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<string | undefined> {
  if (body === null) return undefined;
  const cap = limit + 1;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < cap) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= cap) {
    // The remainder is not wanted; cancelling lets the runtime discard it or close the stream.
    reader.cancel().catch(ignore);
  } else {
    reader.releaseLock();
  }
  if (size === 0) return undefined;
  const bytes = new Uint8Array(Math.min(size, cap));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(bytes);
}

function ignore(): void {}
