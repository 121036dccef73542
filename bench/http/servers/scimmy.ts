/**
 * Benchmark target `scimmy`, the peer: SCIMMY 1.x resources served by `scimmy-routers` on Express,
 * with in-memory handlers written the way SCIMMY's documentation suggests: `egress` returns the
 * resource by id, or every resource through `resource.filter.match` (SCIMMY has no hook for an
 * index, and sorts and pages the list itself); `ingress` stores a copy of the instance SCIMMY
 * built (for a PATCH, the whole patched resource); `degress` deletes. Prints one ready line when
 * it listens on 127.0.0.1 and a free port.
 *
 * On Express 4, which scimmy-routers is built and tested against: it casts `startIndex` and
 * `count` to numbers by assigning to `req.query`, which Express 5 parses afresh on every read, so
 * under Express 5 SCIMMY never sees `count` and answers 20 resources a page.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import express, { type RequestHandler } from 'express4';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import {
  BASE_PATH,
  datasetFromEnv,
  groupCount,
  seedGroup,
  seedMembers,
  seedUser,
  TOKEN,
} from '../fixtures.js';
import { announceReady, portOf, seedInStages } from './announce.js';

type Doc = Record<string, unknown> & { id: string };
type Handled = { id?: string | undefined; filter?: { match(values: unknown[]): unknown[] } | undefined };

const dataset = datasetFromEnv(process.env);
const users = new Map<string, Doc>();
const userNames = new Map<string, string>();
const groups = new Map<string, Doc>();

const seeding = await seedInStages(
  () => {
    for (let i = 0; i < dataset.users; i++) {
      const user = seedUser(i);
      users.set(user.id, user);
      userNames.set(String(user['userName']).toLowerCase(), user.id);
    }
  },
  () => {
    for (let g = 0; g < groupCount(dataset); g++) {
      const members = seedMembers(dataset, g);
      const group = members.length === 0 ? seedGroup(g) : { ...seedGroup(g), members };
      groups.set(group.id, group);
    }
  },
);

/** A plain copy of what SCIMMY hands to `ingress`, as a store would keep it. */
const plain = (instance: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;

const notFound = (id: string | undefined): Error =>
  new SCIMMY.Types.Error(404, '', `Resource ${id ?? ''} not found`);

/** The `egress` of a Map: by id, or the whole collection through SCIMMY's filter. */
const egressOf = (table: Map<string, Doc>) => (resource: Handled) => {
  if (resource.id !== undefined) {
    const found = table.get(resource.id);
    if (found === undefined) throw notFound(resource.id);
    return found;
  }
  const all = [...table.values()];
  return resource.filter === undefined ? all : resource.filter.match(all);
};

/** The `ingress` of a Map: create with a new id and meta, or replace keeping `created`. */
const ingressOf =
  (table: Map<string, Doc>, resourceType: string, index?: Map<string, string>) =>
  (resource: Handled, instance: unknown) => {
    const now = new Date().toISOString();
    const data = plain(instance);
    const name = typeof data['userName'] === 'string' ? data['userName'].toLowerCase() : undefined;
    if (resource.id === undefined) {
      if (name !== undefined && index?.has(name) === true) {
        throw new SCIMMY.Types.Error(409, 'uniqueness', 'userName is already taken');
      }
      const created: Doc = {
        ...data,
        id: randomUUID(),
        meta: { resourceType, created: now, lastModified: now },
      };
      table.set(created.id, created);
      if (name !== undefined) index?.set(name, created.id);
      return created;
    }
    const current = table.get(resource.id);
    if (current === undefined) throw notFound(resource.id);
    const meta = current['meta'] as Record<string, unknown>;
    const updated: Doc = { ...data, id: resource.id, meta: { ...meta, lastModified: now } };
    table.set(resource.id, updated);
    return updated;
  };

const degressOf = (table: Map<string, Doc>) => (resource: Handled) => {
  if (resource.id === undefined || !table.delete(resource.id)) throw notFound(resource.id);
};

SCIMMY.Resources.declare(SCIMMY.Resources.User, {
  egress: egressOf(users),
  ingress: ingressOf(users, 'User', userNames),
  degress: degressOf(users),
});
SCIMMY.Resources.declare(SCIMMY.Resources.Group, {
  egress: egressOf(groups),
  ingress: ingressOf(groups, 'Group'),
  degress: degressOf(groups),
});

const routers = new SCIMMYRouters({
  type: 'bearer',
  handler: (request) => {
    if (request.header('authorization') !== `Bearer ${TOKEN}`) throw new Error('Authorization not detected!');
    return 'bench';
  },
});
const app = express();
// scimmy-routers declares its types against Express 5's; the router is a plain middleware either way.
app.use(BASE_PATH, routers as unknown as RequestHandler);
const server = app.listen(0, '127.0.0.1', () => {
  announceReady({ port: portOf(server.address()), ...seeding });
});
