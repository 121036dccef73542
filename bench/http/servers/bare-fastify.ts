/**
 * Benchmark target `bare-fastify`, the Fastify ceiling: the same routes and JSON documents as the
 * scimkit targets, answered from Maps with no SCIM logic (see `bare-directory.ts`). Prints one
 * ready line when it listens on 127.0.0.1 and a free port.
 *
 * @module
 */
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { BASE_PATH, datasetFromEnv, SCIM_JSON } from '../fixtures.js';
import { announceReady, portOf } from './announce.js';
import { type BareAnswer, createBareDirectory } from './bare-directory.js';

type Params = { id: string };
type Query = Record<string, string | undefined>;

const { directory, seeding } = await createBareDirectory(datasetFromEnv(process.env));
const app = Fastify({ logger: false });
app.addContentTypeParser(SCIM_JSON, { parseAs: 'string' }, app.getDefaultJsonParser('ignore', 'ignore'));

const baseOf = (request: FastifyRequest): string => `http://${request.headers.host ?? ''}${BASE_PATH}`;
const send = (reply: FastifyReply, answer: BareAnswer): FastifyReply =>
  answer.body === undefined
    ? reply.code(answer.status).send()
    : reply.code(answer.status).header('content-type', SCIM_JSON).send(answer.body);
const route =
  (answer: (request: FastifyRequest<{ Params: Params; Querystring: Query }>) => BareAnswer) =>
  async (request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply) =>
    directory.authorized(request.headers.authorization)
      ? send(reply, answer(request))
      : send(reply, { status: 401, body: '{"status":"401"}' });

app.get(
  `${BASE_PATH}/Users/:id`,
  route((request) => directory.getUser(request.params.id, baseOf(request))),
);
app.get(
  `${BASE_PATH}/Users`,
  route((request) => directory.listUsers(request.query, baseOf(request))),
);
app.post(
  `${BASE_PATH}/Users`,
  route((request) => directory.createUser(request.body, baseOf(request))),
);
app.patch(
  `${BASE_PATH}/Users/:id`,
  route((request) => directory.patchUser(request.params.id, request.body, baseOf(request))),
);
app.patch(
  `${BASE_PATH}/Groups/:id`,
  route((request) => directory.patchGroup(request.params.id, request.body)),
);
app.get(
  `${BASE_PATH}/Groups/:id`,
  route((request) =>
    directory.getGroup(request.params.id, request.query['excludedAttributes'], baseOf(request)),
  ),
);

await app.listen({ host: '127.0.0.1', port: 0 });
announceReady({ port: portOf(app.server.address()), ...seeding });
