import express, { type Express } from 'express';
import {
  bearerToken,
  createMemoryStores,
  createScimService,
  type HookResource,
  type MemoryStores,
  type ScimHooks,
} from 'scimkit';
import { toExpressRouter } from 'scimkit/express';
import { createOrganization, type Organization, type Profile } from './organization.js';

/** What {@link createApp} needs: the bearer token, and optionally the stores and organisation to use. */
export interface AppOptions {
  /** The bearer token the identity provider sends (`Authorization: Bearer <token>`). */
  readonly token: string;
  /** Where SCIM users and groups are kept. Default: fresh in-memory stores. */
  readonly stores?: MemoryStores;
  /** The organisation the hooks keep in sync. Default: a new, empty one. */
  readonly organization?: Organization;
}

/**
 * Builds the app: SCIM 2.0 at `/scim/v2`, whose hooks keep the organisation in step with the
 * identity provider, and the app's own read API at `/org/members` and `/org/teams`. Does not listen.
 */
export function createApp(options: AppOptions): Express {
  const organization = options.organization ?? createOrganization();
  const service = createScimService({
    ...(options.stores ?? createMemoryStores()),
    authenticate: bearerToken(options.token),
    hooks: organizationHooks(organization),
  });

  const app = express();
  app.use('/scim/v2', toExpressRouter(service));
  // A demo API without authentication: put the app's own login in front of it in real use.
  app.get('/org/members', (_req, res) => {
    res.json(organization.listMembers());
  });
  app.get('/org/teams', (_req, res) => {
    res.json(organization.listTeams());
  });
  return app;
}

/**
 * The hooks that turn SCIM users into members and SCIM groups into teams. They run after each
 * store write succeeded, also for every operation of a `/Bulk` request.
 */
export function organizationHooks(organization: Organization): ScimHooks {
  return {
    onUserCreated: ({ user }) => {
      organization.addMember(user.id, profileOf(user), user['active'] === false ? 'suspended' : 'active');
    },
    onUserUpdated: ({ after }) => organization.updateProfile(after.id, profileOf(after)),
    onUserDeactivated: ({ after }) => organization.setStatus(after.id, 'suspended'),
    onUserReactivated: ({ after }) => organization.setStatus(after.id, 'active'),
    // A deleted user leaves its groups with no onMembersRemoved event: removeMember drops its teams.
    onUserDeleted: ({ user }) => organization.removeMember(user.id),
    onGroupCreated: ({ group }) => organization.createTeam(group.id, String(group['displayName'])),
    onGroupUpdated: ({ after }) => organization.renameTeam(after.id, String(after['displayName'])),
    onGroupDeleted: ({ group }) => organization.deleteTeam(group.id),
    onMembersAdded: ({ group, memberIds }) => organization.addToTeam(group.id, memberIds),
    onMembersRemoved: ({ group, memberIds }) => organization.removeFromTeam(group.id, memberIds),
  };
}

/** The member profile of a SCIM user: the primary email (else the userName) and a display name. */
export function profileOf(user: HookResource): Profile {
  const userName = String(user['userName']);
  const emails = Array.isArray(user['emails'])
    ? (user['emails'] as { value?: unknown; primary?: unknown }[])
    : [];
  const email = (emails.find((entry) => entry.primary === true) ?? emails[0])?.value;
  const name = (user['name'] ?? {}) as { givenName?: unknown; familyName?: unknown };
  const fullName = [name.givenName, name.familyName].filter((part) => typeof part === 'string').join(' ');
  const displayName = typeof user['displayName'] === 'string' ? user['displayName'] : userName;
  return { email: typeof email === 'string' ? email : userName, name: fullName || displayName };
}
