/**
 * `scimkit/testing`: the store contract suite and the builders it uses, for hosts that write
 * their own `UserStore` and `GroupStore`. Needs `vitest` (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { createMemoryStores } from 'scimkit';
 * import { describeStoreContract } from 'scimkit/testing';
 *
 * describeStoreContract({ name: 'memory', createStores: () => createMemoryStores() });
 * ```
 *
 * @module
 */
export { buildCondition, buildGroup, buildUser, createTestContext } from './builders.js';
export type { ContractStores, ListRequest } from './contract-kit.js';
export { listResources } from './contract-kit.js';
export type { StoreContractOptions } from './store-contract.js';
export { describeStoreContract } from './store-contract.js';
