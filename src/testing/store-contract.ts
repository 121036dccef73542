import { afterEach, beforeEach, describe } from 'vitest';
import { createVersion } from '../core/resources/meta.js';
import { createTestContext } from './builders.js';
import { registerCrudCases } from './contract-crud.js';
import type { ContractFixture, ContractStores } from './contract-kit.js';
import { registerMembershipCases } from './contract-membership.js';
import { registerQueryCases } from './contract-query.js';
import { registerTenancyCases } from './contract-tenancy.js';

/** What {@link describeStoreContract} takes. */
export interface StoreContractOptions<TStores extends ContractStores = ContractStores> {
  /** Names the suite: `store contract: <name>`. */
  readonly name: string;
  /**
   * Returns the stores for one case; called before every case. Each case uses two tenants of its
   * own (random names), so a store that partitions by tenant may return the same stores every
   * time; any other store must return empty ones.
   */
  readonly createStores: () => Promise<TStores> | TStores;
  /** Releases what `createStores` opened (connections, temporary tables), after every case; awaited. */
  readonly destroyStores?: (stores: TStores) => unknown;
  /**
   * Whether to run the tenant isolation cases; default true. Set it to false only for a store
   * that serves a single tenant and ignores `ctx.tenant`.
   */
  readonly multiTenant?: boolean;
}

/**
 * Registers the store contract as a vitest suite: the behaviour the core relies on from a
 * `UserStore` and a `GroupStore`, checked against any implementation (a database, a directory
 * API). Covers create / get / replace / delete, case-insensitive userName uniqueness (409
 * `uniqueness`, also under 20 concurrent creates), conditional writes, copies in and out, queries
 * (filter, sort, paging, `totalResults`, built with the core's own filter and sort parsers and
 * honouring `pushDown`), group membership in both directions, and tenant isolation. Call it at
 * the top level of a test file; it needs `vitest` (a peer dependency of `scimkit/testing`).
 *
 * @example
 * ```ts
 * // test/my-store.test.ts
 * import { describeStoreContract } from 'scimkit/testing';
 * import { openPostgresStores } from '../src/stores.js';
 *
 * // Each case runs in tenants of its own, so the stores can be shared and need no truncation.
 * describeStoreContract({
 *   name: 'postgres',
 *   createStores: () => openPostgresStores(process.env.DATABASE_URL), // { users, groups, close }
 *   destroyStores: (stores) => stores.close(),
 * });
 * ```
 */
export function describeStoreContract<TStores extends ContractStores>(
  options: StoreContractOptions<TStores>,
): void {
  describe(`store contract: ${options.name}`, () => {
    let current: ContractFixture | undefined;
    let opened: TStores | undefined;

    beforeEach(async () => {
      const stores = await options.createStores();
      opened = stores;
      const suffix = createVersion();
      current = {
        users: stores.users,
        groups: stores.groups,
        ctx: createTestContext({ tenant: `contract-a-${suffix}` }),
        otherCtx: createTestContext({ tenant: `contract-b-${suffix}` }),
      };
    });

    afterEach(async () => {
      const stores = opened;
      current = undefined;
      opened = undefined;
      if (stores !== undefined && options.destroyStores !== undefined) await options.destroyStores(stores);
    });

    const fixture = (): ContractFixture => {
      if (current === undefined)
        throw new Error('scimkit: the store contract fixture is used outside a case');
      return current;
    };

    registerCrudCases(fixture);
    registerQueryCases(fixture);
    registerMembershipCases(fixture);
    if (options.multiTenant !== false) registerTenancyCases(fixture);
  });
}
