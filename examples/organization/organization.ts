/** Whether a member may use the organisation's resources. */
export type MemberStatus = 'active' | 'suspended';

/** What the organisation knows of a person, taken from their identity provider profile. */
export interface Profile {
  /** The member's email: how the organisation identifies people. */
  readonly email: string;
  /** The member's display name. */
  readonly name: string;
}

/** A member as the read API shows it. */
export interface MemberView extends Profile {
  /** The id the member is known by (the SCIM user id). */
  readonly id: string;
  /** Whether the member may use the organisation's resources. */
  readonly status: MemberStatus;
  /** The names of the member's teams, sorted. */
  readonly teams: readonly string[];
}

/** A team as the read API shows it. */
export interface TeamView {
  /** The id the team is known by (the SCIM group id). */
  readonly id: string;
  /** The team's name. */
  readonly name: string;
  /** The emails of the team's members, sorted. */
  readonly members: readonly string[];
}

/**
 * An organisation: members and the teams they belong to. It knows nothing of SCIM; `app.ts`
 * drives it from scimkit hooks. Ids are the SCIM ids, so no second mapping table is needed.
 */
export interface Organization {
  /** Adds a member, or updates the profile of an existing one. */
  addMember(id: string, profile: Profile, status: MemberStatus): void;
  /** Updates a member's email and name; nothing happens for an unknown id. */
  updateProfile(id: string, profile: Profile): void;
  /** Sets a member's status; nothing happens for an unknown id. */
  setStatus(id: string, status: MemberStatus): void;
  /** Removes a member and their team memberships. */
  removeMember(id: string): void;
  /** Creates a team, or renames an existing one. */
  createTeam(id: string, name: string): void;
  /** Renames a team; nothing happens for an unknown id. */
  renameTeam(id: string, name: string): void;
  /** Deletes a team; its members stay in the organisation. */
  deleteTeam(id: string): void;
  /** Adds members to a team. Ids that are not members (a nested group, say) are ignored. */
  addToTeam(teamId: string, memberIds: readonly string[]): void;
  /** Removes members from a team. */
  removeFromTeam(teamId: string, memberIds: readonly string[]): void;
  /** Every member, sorted by email. */
  listMembers(): MemberView[];
  /** Every team, sorted by name. */
  listTeams(): TeamView[];
}

interface Member {
  profile: Profile;
  status: MemberStatus;
  readonly teamIds: Set<string>;
}

interface Team {
  name: string;
  readonly memberIds: Set<string>;
}

/** Creates an empty organisation, kept in memory. */
export function createOrganization(): Organization {
  // Memberships are kept in both directions, so removing a member never scans every team.
  const members = new Map<string, Member>();
  const teams = new Map<string, Team>();

  return {
    addMember(id, profile, status) {
      const member = members.get(id);
      if (member === undefined) members.set(id, { profile, status, teamIds: new Set() });
      else member.profile = profile;
    },
    updateProfile(id, profile) {
      const member = members.get(id);
      if (member !== undefined) member.profile = profile;
    },
    setStatus(id, status) {
      const member = members.get(id);
      if (member !== undefined) member.status = status;
    },
    removeMember(id) {
      for (const teamId of members.get(id)?.teamIds ?? []) teams.get(teamId)?.memberIds.delete(id);
      members.delete(id);
    },
    createTeam(id, name) {
      const team = teams.get(id);
      if (team === undefined) teams.set(id, { name, memberIds: new Set() });
      else team.name = name;
    },
    renameTeam(id, name) {
      const team = teams.get(id);
      if (team !== undefined) team.name = name;
    },
    deleteTeam(id) {
      for (const memberId of teams.get(id)?.memberIds ?? []) members.get(memberId)?.teamIds.delete(id);
      teams.delete(id);
    },
    addToTeam(teamId, memberIds) {
      const team = teams.get(teamId);
      if (team === undefined) return;
      for (const memberId of memberIds) {
        const member = members.get(memberId);
        if (member === undefined) continue;
        team.memberIds.add(memberId);
        member.teamIds.add(teamId);
      }
    },
    removeFromTeam(teamId, memberIds) {
      const team = teams.get(teamId);
      for (const memberId of memberIds) {
        team?.memberIds.delete(memberId);
        members.get(memberId)?.teamIds.delete(teamId);
      }
    },
    listMembers() {
      return [...members]
        .map(([id, member]) => ({
          id,
          ...member.profile,
          status: member.status,
          teams: sorted([...member.teamIds].map((teamId) => teams.get(teamId)?.name ?? teamId)),
        }))
        .sort((a, b) => a.email.localeCompare(b.email));
    },
    listTeams() {
      return [...teams]
        .map(([id, team]) => ({
          id,
          name: team.name,
          members: sorted(
            [...team.memberIds].map((memberId) => members.get(memberId)?.profile.email ?? memberId),
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}

function sorted(values: string[]): string[] {
  return values.sort((a, b) => a.localeCompare(b));
}
