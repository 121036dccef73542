/**
 * One state object per tenant, created on the first write. Reads of a tenant that never wrote
 * create nothing, so unauthenticated-looking tenant names cannot grow memory through reads.
 */
export interface TenantMap<TState> {
  /** The tenant's state, or `undefined` before its first write. */
  read(tenant: string): TState | undefined;
  /** The tenant's state, created when missing. */
  write(tenant: string): TState;
}

/** Creates an empty tenant map whose states come from `create`. */
export function createTenantMap<TState>(create: () => TState): TenantMap<TState> {
  const states = new Map<string, TState>();
  return {
    read: (tenant) => states.get(tenant),
    write(tenant) {
      let state = states.get(tenant);
      if (state === undefined) {
        state = create();
        states.set(tenant, state);
      }
      return state;
    },
  };
}
