/**
 * The scimkit service both scimkit targets serve: memory stores seeded through the store API (no
 * HTTP, no validation: seconds for 100k users), and a bearer token.
 *
 * @module
 */
import {
  bearerToken,
  createMemoryStores,
  createScimService,
  type NewResource,
  type ScimService,
  type StoreContext,
} from 'scimkit';
import { type Dataset, groupCount, seedGroup, seedMembers, seedUser, TOKEN } from '../fixtures.js';
import { type ReadyLine, seedInStages } from './announce.js';

/** The tenant `bearerToken(TOKEN)` authenticates requests for. */
const SEED_CONTEXT: StoreContext = { tenant: 'default', principal: 'default', requestId: 'bench-seed' };

/** Creates the service over memory stores seeded with `dataset`, and how seeding went. */
export async function createSeededService(
  dataset: Dataset,
): Promise<{ service: ScimService; seeding: Pick<ReadyLine, 'seedMs' | 'stages'> }> {
  const stores = createMemoryStores();
  const seeding = await seedInStages(
    async () => {
      for (let i = 0; i < dataset.users; i++) {
        await stores.users.create(SEED_CONTEXT, seedUser(i) as unknown as NewResource);
      }
    },
    async () => {
      for (let g = 0; g < groupCount(dataset); g++) {
        const members = seedMembers(dataset, g);
        const group = members.length === 0 ? seedGroup(g) : { ...seedGroup(g), members };
        await stores.groups.create(SEED_CONTEXT, group as unknown as NewResource);
      }
    },
  );
  const service = createScimService({ ...stores, authenticate: bearerToken(TOKEN) });
  return { service, seeding };
}
