import { connect } from 'node:net';

/**
 * Writes several raw HTTP/1.1 requests on one connection at once and resolves with the status
 * code of each response, in order, once `count` responses have started. A server that stops
 * reading a body it does not want (instead of discarding the rest) never answers the second.
 */
export function pipelinedStatuses(
  origin: string,
  requests: readonly string[],
  count: number,
): Promise<number[]> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let seen = '';
    socket.setEncoding('latin1');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      seen += chunk;
      const statuses = [...seen.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
      if (statuses.length >= count) {
        socket.destroy();
        resolve(statuses);
      }
    });
    socket.on('close', () => reject(new Error(`connection closed after: ${seen.slice(0, 200)}`)));
    socket.write(requests.join(''));
  });
}
