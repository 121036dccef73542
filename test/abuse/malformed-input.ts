import { expect } from 'vitest';
import { BULK_REQUEST, USER_SCHEMA } from '../../src/core/schema/definitions/schema-uris.js';
import { type ScimClient, TOKEN } from '../http/support/client.js';
import { expectError, expectScimJson } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';
import {
  authorization,
  countUsers,
  createHookRecorder,
  expectUnchanged,
  readBack,
} from './support/checks.js';
import { sendRaw } from './support/raw-http.js';

const SMALL = {
  limits: { bodyBytes: 4096, jsonDepth: 8, bulk: { maxPayloadSize: 4096, maxOperations: 3 } },
};
const AUTH = authorization(TOKEN);
const JSON_TYPE = ['Content-Type', 'application/scim+json'] as const;

/** A POST /Users body of about `bytes` bytes (padded in `title`), and its userName. */
function userBody(client: ScimClient, bytes: number): { userName: string; text: string } {
  const userName = client.unique('body');
  const text = JSON.stringify({
    schemas: [USER_SCHEMA],
    userName,
    title: 't'.repeat(Math.max(bytes - 120, 0)),
  });
  return { userName, text };
}

/** `text` cut into pieces of `size` characters. */
function slices(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) =>
    text.slice(index * size, (index + 1) * size),
  );
}

/** One chunk of a chunked body (RFC 9112 §7.1). */
function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}

/** Bodies the adapters and the core must bound, with small limits (4 KiB, depth 8, 3 bulk ops). */
const boundedBodyCases: CaseGroup = {
  name: 'abuse: bounded request bodies (RFC 9110 §15.5.14)',
  config: () => SMALL,
  cases: [
    {
      name: 'refuses a body over bodyBytes: 413 without scimType, and creates nothing',
      async run(client) {
        const { userName, text } = userBody(client, 5000);
        expectError(await client.post('/Users', text), 413);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'answers 413 once the limit is read when Content-Length claims 1 GiB, without waiting for the rest',
      async run(client) {
        const { userName, text } = userBody(client, 6000);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Content-Length', String(1024 ** 3)]],
          body: text,
          after: 'open',
        });
        expectError(response, 413);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'answers 413 to a chunked body without a length once it passes the limit, before its last chunk',
      async run(client) {
        const { userName, text } = userBody(client, 6000);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Transfer-Encoding', 'chunked']],
          parts: [chunk(text.slice(0, 3000)), chunk(text.slice(3000))],
          after: 'open',
        });
        expectError(response, 413);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses a complete chunked body over the limit: 413',
      async run(client) {
        const { userName, text } = userBody(client, 6000);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Transfer-Encoding', 'chunked']],
          parts: [...slices(text, 500).map(chunk), '0\r\n\r\n'],
        });
        expectError(response, 413);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses a body longer than its Content-Length (the rest is no request): 400, creates nothing',
      async run(client) {
        const { userName, text } = userBody(client, 200);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Content-Length', '40']],
          body: text,
        });
        // The 40 bytes are not JSON (400 invalidSyntax) and the rest is not HTTP: Node answers the
        // connection with its own 400, which may arrive first.
        expect(response.status).toBe(400);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses Content-Length together with Transfer-Encoding (request smuggling) and creates nothing',
      async run(client) {
        const { userName, text } = userBody(client, 200);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [
            AUTH,
            JSON_TYPE,
            ['Content-Length', String(text.length)],
            ['Transfer-Encoding', 'chunked'],
          ],
          body: `${chunk(text)}0\r\n\r\n`,
        });
        // Node's parser refuses the message before any adapter runs: a plain 400, no envelope.
        expect(response.status).toBe(400);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses two different Content-Length headers and creates nothing',
      async run(client) {
        const { userName, text } = userBody(client, 200);
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Content-Length', String(text.length)], ['Content-Length', '10']],
          body: text,
        });
        expect(response.status).toBe(400);
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'keeps serving after a client drops the connection in the middle of a body, and creates nothing',
      async run(client) {
        const { userName, text } = userBody(client, 400);
        await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Content-Length', String(text.length)]],
          body: text.slice(0, 200),
          after: 'destroy',
        });
        expectScimJson(await client.get('/Users?count=0'), 200);
        expect(await countUsers(client, userName)).toBe(0);
        expect(client.logger.error).not.toHaveBeenCalled();
      },
    },
    {
      name: 'reads a body written one byte at a time, multi-byte characters split across writes',
      async run(client) {
        const userName = client.unique('Ærøskøbing-東京-🦊');
        const bytes = Buffer.from(JSON.stringify({ schemas: [USER_SCHEMA], userName }));
        const response = await sendRaw(client.origin, {
          method: 'POST',
          target: '/Users',
          headers: [AUTH, JSON_TYPE, ['Content-Length', String(bytes.length)]],
          parts: [...bytes].map((byte) => Buffer.from([byte])),
        });
        expectScimJson(response, 201);
        expect(response.body.userName).toBe(userName);
      },
    },
    {
      name: 'refuses JSON nested deeper than jsonDepth: 400 invalidSyntax; brackets inside strings do not count',
      async run(client) {
        const userName = client.unique('deep');
        const deep = `{"schemas":["${USER_SCHEMA}"],"userName":"${userName}","title":${'['.repeat(9)}${']'.repeat(9)}}`;
        expectError(await client.post('/Users', deep), 400, 'invalidSyntax');
        expect(await countUsers(client, userName)).toBe(0);
        const quoted = { schemas: [USER_SCHEMA], userName, title: `${'[{'.repeat(50)}\\"[` };
        expectScimJson(await client.post('/Users', quoted), 201);
      },
    },
    {
      name: 'refuses bodies that are not a JSON object: 400 invalidSyntax each, creating nothing',
      async run(client) {
        const userName = client.unique('notjson');
        const valid = JSON.stringify({ schemas: [USER_SCHEMA], userName });
        const bodies = [
          valid.slice(0, -1),
          `${valid}}`,
          `${valid} trailing`,
          `\uFEFF${valid}`,
          valid.replaceAll('"', "'"),
          'null',
          '[]',
          '"a string"',
          '42',
          'NaN',
          `{"schemas":["${USER_SCHEMA}"],"userName":"${userName}",}`,
        ];
        for (const body of bodies) expectError(await client.post('/Users', body), 400, 'invalidSyntax');
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses one attribute given twice in different cases: 400 invalidSyntax',
      async run(client) {
        const userName = client.unique('twice');
        const body = `{"schemas":["${USER_SCHEMA}"],"userName":"${userName}","USERNAME":"${userName}-2"}`;
        const response = await client.post('/Users', body);
        expectError(response, 400, 'invalidSyntax');
        expect(response.body.detail).toContain('userName');
        expect(await countUsers(client, userName)).toBe(0);
      },
    },
    {
      name: 'refuses a bulk body over maxPayloadSize and a bulk request over maxOperations: 413, nothing created',
      async run(client) {
        const userName = client.unique('bulk');
        const operation = (suffix: string) => ({
          method: 'POST',
          path: '/Users',
          data: { schemas: [USER_SCHEMA], userName: `${userName}-${suffix}` },
        });
        const big = { schemas: [BULK_REQUEST], Operations: [{ ...operation('big'), pad: 'p'.repeat(5000) }] };
        const many = { schemas: [BULK_REQUEST], Operations: ['a', 'b', 'c', 'd'].map(operation) };
        const tooBig = await client.post('/Bulk', big);
        expectError(tooBig, 413);
        expect(tooBig.body.detail).toContain('maxPayloadSize');
        const tooMany = await client.post('/Bulk', many);
        expectError(tooMany, 413);
        expect(tooMany.body.detail).toContain('maxOperations');
        const listed = await client.get(`/Users?filter=${encodeURIComponent(`userName sw "${userName}"`)}`);
        expect(listed.body.totalResults).toBe(0);
      },
    },
  ],
};

/** Hostile request lines and headers, with the default limits. */
const requestLineCases = (): CaseGroup => {
  const recorder = createHookRecorder();
  return {
    name: 'abuse: hostile request lines and headers',
    config: () => ({ hooks: recorder.hooks }),
    cases: [
      {
        name: 'refuses JSON nested a million levels deep within bodyBytes: 400 invalidSyntax, not a stack overflow',
        async run(client) {
          const response = await client.post('/Users', `{"a":${'['.repeat(1_000_000)}`);
          expectError(response, 400, 'invalidSyntax');
          expect(client.logger.error).not.toHaveBeenCalled();
        },
      },
      {
        name: 'refuses a 900 KiB userName with 400 invalidValue (stringLength) and stores a 64 Ki-character one whole',
        async run(client) {
          const prefix = client.unique('long');
          const refused = await client.post('/Users', {
            schemas: [USER_SCHEMA],
            userName: `${prefix}${'x'.repeat(900 * 1024)}`,
          });
          expectError(refused, 400, 'invalidValue');
          const filter = encodeURIComponent(`userName sw "${prefix}"`);
          expect((await client.get(`/Users?filter=${filter}`)).body.totalResults).toBe(0);
          const userName = `${prefix}${'y'.repeat(64 * 1024 - prefix.length)}`;
          const created = await client.post('/Users', { schemas: [USER_SCHEMA], userName });
          expectScimJson(created, 201);
          expect((await readBack(client, `/Users/${created.body.id}`))['userName']).toBe(userName);
          const over = await client.post('/Users', {
            schemas: [USER_SCHEMA],
            userName: 'y'.repeat(1024 * 1024),
          });
          expectError(over, 413);
        },
      },
      {
        name: 'refuses malformed percent-encoding in a query parameter: 400 invalidValue',
        async run(client) {
          for (const query of ['filter=%zz', 'filter=userName%20eq%20%22%E0%A4%A%22', 'count=%', '%ZZ=1']) {
            const response = await sendRaw(client.origin, {
              method: 'GET',
              target: `/Users?${query}`,
              headers: [AUTH],
            });
            expectError(response, 400, 'invalidValue');
          }
        },
      },
      {
        name: 'refuses malformed percent-encoding in a resource id: 400, nothing deleted',
        async run(client) {
          const user = await client.createUser(client.unique('pct'));
          const before = await readBack(client, `/Users/${user.body.id}`);
          for (const id of ['%zz', '%E0%A4%A', `${user.body.id}%`]) {
            const response = await sendRaw(client.origin, {
              method: 'DELETE',
              target: `/Users/${id}`,
              headers: [AUTH],
            });
            // Fastify's router refuses the path before the plugin runs, with its own JSON error
            // (its frameworkErrors option can render an envelope); Express reaches the core (400 invalidValue).
            expect(response.status).toBe(400);
          }
          await expectUnchanged(client, `/Users/${user.body.id}`, before);
        },
      },
      {
        name: 'answers a method no endpoint has with 405 and an envelope',
        async run(client) {
          for (const method of ['PROPFIND', 'TRACE', 'OPTIONS', 'HEAD', 'LINK']) {
            const response = await sendRaw(client.origin, { method, target: '/Users', headers: [AUTH] });
            expect(response.status).toBe(405);
            if (method !== 'HEAD') expectError(response, 405);
          }
        },
      },
      {
        name: 'ignores method-override headers: a GET stays a GET',
        async run(client) {
          const user = await client.createUser(client.unique('override'));
          const path = `/Users/${user.body.id}`;
          const before = await readBack(client, path);
          const headers = {
            'x-http-method-override': 'DELETE',
            'x-http-method': 'DELETE',
            'x-method-override': 'DELETE',
          };
          expectScimJson(await client.get(path, { headers }), 200);
          await expectUnchanged(client, path, before);
        },
      },
      {
        name: 'refuses a malformed or foreign Content-Type: 415 envelope, nothing created',
        async run(client) {
          const userName = client.unique('ctype');
          for (const contentType of [
            ';;;',
            'application/scim+json/evil',
            'text/html',
            'multipart/form-data; boundary=x',
          ]) {
            const response = await client.post(
              '/Users',
              { schemas: [USER_SCHEMA], userName },
              { contentType },
            );
            expectError(response, 415);
          }
          expect(await countUsers(client, userName)).toBe(0);
        },
      },
      {
        name: 'replaces a hostile x-request-id with its own before it reaches hooks and stores',
        async run(client) {
          const hostile = ['a'.repeat(300), 'id with spaces', 'ünïcode', ''];
          for (const requestId of hostile) {
            const userName = client.unique('rid');
            const headers = { 'x-request-id': requestId };
            expectScimJson(
              await client.post('/Users', { schemas: [USER_SCHEMA], userName }, { headers }),
              201,
            );
            const event = recorder.events.find((entry) => entry.json.includes(userName));
            const ctx = JSON.parse(event?.json ?? '{}').ctx;
            expect(typeof ctx.requestId).toBe('string');
            expect(ctx.requestId).not.toBe(requestId);
          }
        },
      },
      {
        name: 'refuses a request line with raw spaces or a target over the header limit before any SCIM code runs',
        async run(client) {
          const spaced = await sendRaw(client.origin, {
            method: 'GET',
            target: '/Users?filter=userName eq "x"',
            headers: [AUTH],
          });
          expect(spaced.status).toBe(400);
          const long = await sendRaw(client.origin, {
            method: 'GET',
            target: `/Users?filter=${'a'.repeat(20_000)}`,
            headers: [AUTH],
          });
          // Node's maxHeaderSize (16 KiB by default) bounds the request line and headers.
          expect(long.status).toBe(431);
        },
      },
    ],
  };
};

/** Every malformed-input case group; fresh state per call. */
export function malformedInputCases(): CaseGroup[] {
  return [boundedBodyCases, requestLineCases()];
}
