import type { StoreContext, StoredResource } from '../stores/types.js';
import type { ScimLogger } from './messages/logger.js';

/** A resource as hooks receive it: the stored shape (canonical names, no `meta.location`), never a `password`. */
export type HookResource = StoredResource;

/** A user that came into being or went away. */
export interface UserEvent {
  /** The context of the request that made the change (tenant, principal, request id). */
  readonly ctx: StoreContext;
  /** The user as created, or as it was before the delete. */
  readonly user: HookResource;
}

/** A user before and after a change. */
export interface UserChangeEvent {
  /** The context of the request that made the change. */
  readonly ctx: StoreContext;
  /** The user as it was. */
  readonly before: HookResource;
  /** The user as it is now. */
  readonly after: HookResource;
}

/** A group that came into being or went away. */
export interface GroupEvent {
  /** The context of the request that made the change. */
  readonly ctx: StoreContext;
  /** The group as created, or as it was before the delete. */
  readonly group: HookResource;
}

/**
 * A group before and after a change. On a member-only PATCH both lack `members`: the service
 * never loads a member list it does not need (see {@link MembersEvent}).
 */
export interface GroupChangeEvent {
  /** The context of the request that made the change. */
  readonly ctx: StoreContext;
  /** The group as it was. */
  readonly before: HookResource;
  /** The group as it is now. */
  readonly after: HookResource;
}

/**
 * Members a request added to or removed from a group. On a member-only PATCH these are the ids the
 * request named (a member added twice is reported though it changes nothing); on POST and PUT,
 * the actual difference.
 */
export interface MembersEvent {
  /** The context of the request that made the change. */
  readonly ctx: StoreContext;
  /** The group after the change; without `members` on a member-only PATCH. */
  readonly group: HookResource;
  /** The ids of the users and groups added or removed. */
  readonly memberIds: readonly string[];
}

/** One lifecycle hook: called with its event, awaited, its failure logged. */
export type ScimHook<TEvent> = (event: TEvent) => void | Promise<void>;

/**
 * Lifecycle events of users and groups, for provisioning side effects (send a welcome mail,
 * revoke sessions of a deactivated user). Each runs after the store write succeeded and is
 * awaited before the response is sent; one that throws is logged and changes nothing about the
 * response, since the change already happened. Hooks also run for each operation of a `/Bulk`
 * request. Payloads never contain `password`.
 */
export interface ScimHooks {
  /** A user was created (POST, or a POST in a bulk request). */
  readonly onUserCreated?: ScimHook<UserEvent>;
  /** Any change of a user (PUT or PATCH that changed something). */
  readonly onUserUpdated?: ScimHook<UserChangeEvent>;
  /** `active` went from true (or unset) to false; fires besides `onUserUpdated`. */
  readonly onUserDeactivated?: ScimHook<UserChangeEvent>;
  /** `active` went from false back to true (or unset, as a PUT without it); fires besides `onUserUpdated`. */
  readonly onUserReactivated?: ScimHook<UserChangeEvent>;
  /** A user was deleted. */
  readonly onUserDeleted?: ScimHook<UserEvent>;
  /** A group was created; `onMembersAdded` follows when it has members. */
  readonly onGroupCreated?: ScimHook<GroupEvent>;
  /** Any change of a group, member changes included. */
  readonly onGroupUpdated?: ScimHook<GroupChangeEvent>;
  /** A group was deleted. */
  readonly onGroupDeleted?: ScimHook<GroupEvent>;
  /** Members joined a group; fires besides `onGroupUpdated` (or `onGroupCreated`). */
  readonly onMembersAdded?: ScimHook<MembersEvent>;
  /** Members left a group; fires besides `onGroupUpdated`. */
  readonly onMembersRemoved?: ScimHook<MembersEvent>;
}

/** Calls the hooks of one service: every call awaited, every failure logged, nothing thrown. */
export interface HookRunner {
  /** Fires the created hooks of a User or Group (and `onMembersAdded` for a group with members). */
  created(typeName: string, ctx: StoreContext, resource: StoredResource): Promise<void>;
  /** Fires the update hooks: deactivation / reactivation for users, the member difference for groups. */
  updated(typeName: string, ctx: StoreContext, before: StoredResource, after: StoredResource): Promise<void>;
  /** Fires the deleted hook of a User or Group, with the resource as it was. */
  deleted(typeName: string, ctx: StoreContext, resource: StoredResource): Promise<void>;
  /** Fires `onMembersAdded` and `onMembersRemoved` for the non-empty lists. */
  membersChanged(
    ctx: StoreContext,
    group: StoredResource,
    added: readonly string[],
    removed: readonly string[],
  ): Promise<void>;
}

/**
 * Creates the hook runner of a service. Events of custom resource types fire no hooks. `updated`
 * of a group with member lists on both sides also reports the member difference.
 */
export function createHookRunner(hooks: ScimHooks, logger: ScimLogger): HookRunner {
  const call = async <TEvent>(name: keyof ScimHooks, hook: ScimHook<TEvent> | undefined, event: TEvent) => {
    if (hook === undefined) return;
    try {
      await hook(event);
    } catch (error) {
      logger.error(`scimkit: the ${name} hook failed; the change it reports was made`, {
        error,
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
  };

  const runner: HookRunner = {
    async created(typeName, ctx, resource) {
      const payload = withoutPassword(resource);
      if (typeName === 'User') await call('onUserCreated', hooks.onUserCreated, { ctx, user: payload });
      if (typeName === 'Group') {
        await call('onGroupCreated', hooks.onGroupCreated, { ctx, group: payload });
        const added = memberIdsOf(resource);
        if (added.length > 0) await runner.membersChanged(ctx, resource, added, []);
      }
    },
    async updated(typeName, ctx, before, after) {
      const event = { ctx, before: withoutPassword(before), after: withoutPassword(after) };
      if (typeName === 'User') {
        await call('onUserUpdated', hooks.onUserUpdated, event);
        // An unset `active` counts as active: a user is deactivated only by an explicit false.
        if (before['active'] !== false && after['active'] === false) {
          await call('onUserDeactivated', hooks.onUserDeactivated, event);
        }
        if (before['active'] === false && after['active'] !== false) {
          await call('onUserReactivated', hooks.onUserReactivated, event);
        }
      }
      if (typeName === 'Group') {
        await call('onGroupUpdated', hooks.onGroupUpdated, event);
        if (Array.isArray(before['members']) || Array.isArray(after['members'])) {
          const beforeIds = new Set(memberIdsOf(before));
          const afterIds = new Set(memberIdsOf(after));
          const added = [...afterIds].filter((id) => !beforeIds.has(id));
          const removed = [...beforeIds].filter((id) => !afterIds.has(id));
          await runner.membersChanged(ctx, after, added, removed);
        }
      }
    },
    async deleted(typeName, ctx, resource) {
      const payload = withoutPassword(resource);
      if (typeName === 'User') await call('onUserDeleted', hooks.onUserDeleted, { ctx, user: payload });
      if (typeName === 'Group') await call('onGroupDeleted', hooks.onGroupDeleted, { ctx, group: payload });
    },
    async membersChanged(ctx, group, added, removed) {
      const payload = withoutPassword(group);
      if (added.length > 0) {
        await call('onMembersAdded', hooks.onMembersAdded, { ctx, group: payload, memberIds: added });
      }
      if (removed.length > 0) {
        await call('onMembersRemoved', hooks.onMembersRemoved, { ctx, group: payload, memberIds: removed });
      }
    },
  };
  return runner;
}

function withoutPassword(resource: StoredResource): StoredResource {
  if (!('password' in resource)) return resource;
  const { password: _password, ...rest } = resource;
  return rest as StoredResource;
}

function memberIdsOf(resource: StoredResource): string[] {
  const members = resource['members'];
  if (!Array.isArray(members)) return [];
  const ids: string[] = [];
  for (const member of members as unknown[]) {
    if (typeof member === 'object' && member !== null) {
      const value = (member as Record<string, unknown>)['value'];
      if (typeof value === 'string') ids.push(value);
    }
  }
  return ids;
}
