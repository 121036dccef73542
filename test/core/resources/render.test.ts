import { describe, expect, it } from 'vitest';
import type { ProjectionParams } from '../../../src/core/resources/projection.js';
import { parseProjection } from '../../../src/core/resources/projection.js';
import { renderResource } from '../../../src/core/resources/render.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';
import type { ScimResource } from '../../../src/core/schema/types.js';
import type { StoredResource } from '../../../src/stores/types.js';
import { groupResource, userResource } from '../../fixtures/schemas.js';
import { deepFreeze, sampleGroup, sampleUser } from './support.js';

const baseUrl = 'https://example.com/scim/v2';

function render(schema: ResourceSchema, stored: StoredResource, params: ProjectionParams = {}): ScimResource {
  return renderResource(schema, stored, { baseUrl, projection: parseProjection(schema, params) });
}

describe('renderResource', () => {
  it('renders meta with location and the weak ETag as version', () => {
    expect(render(userResource, sampleUser())['meta']).toEqual({
      resourceType: 'User',
      created: '2010-01-23T04:56:22Z',
      lastModified: '2011-05-13T04:42:34Z',
      location: 'https://example.com/scim/v2/Users/2819c223-7f76-453a-919d-413861904646',
      version: 'W/"3694e05e9dff591"',
    });
  });

  it('uses the endpoint of the resource type in location', () => {
    const meta = render(groupResource, sampleGroup())['meta'] as { location: string };
    expect(meta.location).toBe('https://example.com/scim/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a');
  });

  it('percent-encodes the id in location', () => {
    const meta = render(userResource, { ...sampleUser(), id: 'a/b c' })['meta'] as { location: string };
    expect(meta.location).toBe('https://example.com/scim/v2/Users/a%2Fb%20c');
  });

  it('puts schemas first', () => {
    expect(Object.keys(render(userResource, sampleUser()))[0]).toBe('schemas');
  });

  it('never returns password', () => {
    expect(render(userResource, sampleUser())).not.toHaveProperty('password');
    expect(render(userResource, sampleUser(), { attributes: 'password' })).not.toHaveProperty('password');
  });

  it('adds $ref to members by type: Users by default, Groups for type Group', () => {
    const group = sampleGroup(1);
    (group['members'] as Record<string, unknown>[]).push({ value: 'u9' }, { value: 'g2', type: 'group' });
    expect(render(groupResource, group)['members']).toEqual([
      { value: 'u0', display: 'User 0', type: 'User', $ref: `${baseUrl}/Users/u0` },
      { value: 'g1', display: 'Nested', type: 'Group', $ref: `${baseUrl}/Groups/g1` },
      { value: 'u9', $ref: `${baseUrl}/Users/u9` },
      { value: 'g2', type: 'group', $ref: `${baseUrl}/Groups/g2` },
    ]);
  });

  it('keeps every other key of a member, and the key order a spread gives', () => {
    const group = sampleGroup(0);
    group['members'] = [
      { value: 'u1', display: 'One' },
      { value: 'u2', type: 'User', primary: true },
    ];
    const members = render(groupResource, group)['members'] as Record<string, unknown>[];
    expect(members).toEqual([
      { value: 'u1', display: 'One', $ref: `${baseUrl}/Users/u1` },
      { value: 'u2', type: 'User', primary: true, $ref: `${baseUrl}/Users/u2` },
    ]);
    expect(members.map((member) => Object.keys(member))).toEqual([
      ['value', 'display', '$ref'],
      ['value', 'type', 'primary', '$ref'],
    ]);
  });

  it('adds $ref to User groups', () => {
    expect(render(userResource, sampleUser())['groups']).toEqual([
      {
        value: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
        display: 'Tour Guides',
        type: 'direct',
        $ref: `${baseUrl}/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a`,
      },
    ]);
  });

  it('adds $ref to the Enterprise User manager', () => {
    const enterprise = render(userResource, sampleUser())[ENTERPRISE_USER_SCHEMA] as { manager: unknown };
    expect(enterprise.manager).toEqual({
      value: '26118915-6090-4610-87e4-49d8ca9f808d',
      displayName: 'John Smith',
      $ref: `${baseUrl}/Users/26118915-6090-4610-87e4-49d8ca9f808d`,
    });
  });

  it('percent-encodes member values in $ref', () => {
    const group = { ...sampleGroup(0), members: [{ value: 'a/b', type: 'User' }] };
    expect(render(groupResource, group)['members']).toEqual([
      { value: 'a/b', type: 'User', $ref: `${baseUrl}/Users/a%2Fb` },
    ]);
  });

  it('leaves members without a value as they are', () => {
    const group = { ...sampleGroup(0), members: [{ display: 'orphan' }] };
    expect(render(groupResource, group)['members']).toEqual([{ display: 'orphan' }]);
  });

  it('honours the projection after adding $ref', () => {
    expect(render(groupResource, sampleGroup(1), { attributes: 'members.value' })['members']).toEqual([
      { value: 'u0' },
      { value: 'g1' },
    ]);
    expect(render(groupResource, sampleGroup(1), { excludedAttributes: 'members.$ref' })['members']).toEqual([
      { value: 'u0', display: 'User 0', type: 'User' },
      { value: 'g1', display: 'Nested', type: 'Group' },
    ]);
  });

  it('leaves members out for excludedAttributes=members', () => {
    expect(render(groupResource, sampleGroup(), { excludedAttributes: 'members' })).toEqual({
      schemas: [GROUP_SCHEMA],
      id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
      displayName: 'Tour Guides',
      meta: expect.objectContaining({ version: 'W/"3694e05e9dff592"' }),
    });
  });

  it('projects meta sub-attributes', () => {
    expect(render(userResource, sampleUser(), { attributes: 'meta.version' })['meta']).toEqual({
      version: 'W/"3694e05e9dff591"',
    });
    expect(render(userResource, sampleUser(), { excludedAttributes: 'meta' })).not.toHaveProperty('meta');
  });

  it('does not modify the stored resource', () => {
    const group = deepFreeze(sampleGroup(3));
    const user = deepFreeze(sampleUser());
    expect(() => render(groupResource, group)).not.toThrow();
    expect(() => render(userResource, user)).not.toThrow();
    expect((group['members'] as Record<string, unknown>[])[0]).not.toHaveProperty('$ref');
    expect(group['meta']).toEqual(sampleGroup(3)['meta']);
  });

  it('renders a group of 100k members with one $ref each', () => {
    const group = sampleGroup(100_000);
    const members = render(groupResource, group)['members'] as { value: string; $ref: string }[];
    expect(members).toHaveLength(100_001);
    expect(members[54_321]?.$ref).toBe(`${baseUrl}/Users/u54321`);
    expect(members[100_000]?.$ref).toBe(`${baseUrl}/Groups/g1`);
  });
});
