/**
 * Benchmark target `bare-express`, the Express ceiling: the same routes and JSON documents as the
 * scimkit targets, answered from Maps with no SCIM logic (see `bare-directory.ts`). Prints one
 * ready line when it listens on 127.0.0.1 and a free port.
 *
 * @module
 */
import express, { type Request, type Response } from 'express';
import { BASE_PATH, datasetFromEnv, SCIM_JSON } from '../fixtures.js';
import { announceReady, portOf } from './announce.js';
import { type BareAnswer, createBareDirectory } from './bare-directory.js';

const { directory, seeding } = await createBareDirectory(datasetFromEnv(process.env));
const app = express();
const router = express.Router();
router.use(express.json({ type: [SCIM_JSON, 'application/json'] }));

const baseOf = (req: Request): string => `${req.protocol}://${req.get('host') ?? ''}${BASE_PATH}`;
const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const route =
  (answer: (req: Request<{ id: string }>) => BareAnswer) => (req: Request<{ id: string }>, res: Response) => {
    const result = directory.authorized(req.get('authorization'))
      ? answer(req)
      : { status: 401, body: '{"status":"401"}' };
    if (result.body === undefined) res.status(result.status).end();
    else res.status(result.status).type(SCIM_JSON).send(result.body);
  };

router.get(
  '/Users/:id',
  route((req) => directory.getUser(req.params.id, baseOf(req))),
);
router.get(
  '/Users',
  route((req) =>
    directory.listUsers(
      {
        filter: queryText(req.query['filter']),
        startIndex: queryText(req.query['startIndex']),
        count: queryText(req.query['count']),
      },
      baseOf(req),
    ),
  ),
);
router.post(
  '/Users',
  route((req) => directory.createUser(req.body, baseOf(req))),
);
router.patch(
  '/Users/:id',
  route((req) => directory.patchUser(req.params.id, req.body, baseOf(req))),
);
router.patch(
  '/Groups/:id',
  route((req) => directory.patchGroup(req.params.id, req.body)),
);
router.get(
  '/Groups/:id',
  route((req) => directory.getGroup(req.params.id, queryText(req.query['excludedAttributes']), baseOf(req))),
);
app.use(BASE_PATH, router);

const server = app.listen(0, '127.0.0.1', () => {
  announceReady({ port: portOf(server.address()), ...seeding });
});
