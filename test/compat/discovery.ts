import { expect } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
} from '../../src/core/schema/definitions/schema-uris.js';
import { expectScimJson, LIST_URN } from '../http/support/expect.js';
import type { CaseGroup } from '../http/support/suite.js';

/** Every path in `value` whose value is JSON `null`: Entra rejects null properties in /Schemas. */
function nullPaths(value: unknown, at = '$'): string[] {
  if (value === null) return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, `${at}[${index}]`));
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      nullPaths(item, `${at}.${key}`),
    );
  }
  return [];
}

interface AttributeDefinition {
  readonly name: string;
  readonly type: string;
  readonly mutability: string;
  readonly subAttributes?: readonly AttributeDefinition[];
}

const CAMEL_CASE = /^[a-z][a-zA-Z]*$/;

/**
 * The discovery endpoints as IdP validators read them (docs/idp/research.md §2.10-§2.11): Entra's
 * SCIM Validator and schema discovery. Okta does not call them (okta-no-discovery).
 */
export function discoveryScenario(): CaseGroup {
  return {
    name: 'Discovery as IdP validators read it (research §2.10-§2.11)',
    cases: [
      {
        name: 'advertises PATCH and filtering with a numeric maxResults in /ServiceProviderConfig',
        async run(client) {
          const response = await client.get('/ServiceProviderConfig');
          expectScimJson(response, 200);
          expect(response.body.patch).toEqual({ supported: true });
          expect(response.body.filter.supported).toBe(true);
          expect(Number.isInteger(response.body.filter.maxResults)).toBe(true);
          expect(response.body.filter.maxResults).toBeGreaterThan(0);
          for (const feature of ['bulk', 'sort', 'etag', 'changePassword']) {
            expect(typeof response.body[feature].supported).toBe('boolean');
          }
          expect(response.body.authenticationSchemes.length).toBeGreaterThan(0);
          expect(nullPaths(response.body)).toEqual([]);
        },
      },
      {
        name: 'lists User (with EnterpriseUser) and Group in /ResourceTypes',
        async run(client) {
          const response = await client.get('/ResourceTypes');
          expectScimJson(response, 200);
          expect(response.body.schemas).toEqual([LIST_URN]);
          const byId = new Map(
            response.body.Resources.map((type: { id: string }) => [type.id, type] as const),
          );
          expect(byId.get('User')).toMatchObject({
            endpoint: '/Users',
            schema: USER_SCHEMA,
            schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
          });
          expect(byId.get('Group')).toMatchObject({ endpoint: '/Groups', schema: GROUP_SCHEMA });
          expect(nullPaths(response.body)).toEqual([]);
        },
      },
      {
        name: 'answers /Schemas with a ListResponse of the three schemas and no null property',
        async run(client) {
          const response = await client.get('/Schemas');
          expectScimJson(response, 200);
          expect(response.body.schemas).toEqual([LIST_URN]);
          const ids = response.body.Resources.map((schema: { id: string }) => schema.id);
          expect(ids).toEqual(expect.arrayContaining([USER_SCHEMA, GROUP_SCHEMA, ENTERPRISE_USER_SCHEMA]));
          expect(response.body.totalResults).toBe(response.body.Resources.length);
          expect(nullPaths(response.body)).toEqual([]);
        },
      },
      {
        name: 'spells every attribute characteristic in camel case, e.g. readWrite',
        async run(client) {
          const response = await client.get(`/Schemas/${USER_SCHEMA}`);
          expectScimJson(response, 200);
          const all = (attributes: readonly AttributeDefinition[]): AttributeDefinition[] =>
            attributes.flatMap((attribute) => [attribute, ...all(attribute.subAttributes ?? [])]);
          const attributes = all(response.body.attributes);
          expect(attributes.length).toBeGreaterThan(10);
          for (const attribute of attributes) {
            expect(attribute.mutability).toMatch(CAMEL_CASE);
            expect(attribute.type).toMatch(CAMEL_CASE);
          }
          const userName = attributes.find((attribute) => attribute.name === 'userName');
          expect(userName).toMatchObject({ mutability: 'readWrite', uniqueness: 'server', required: true });
        },
      },
      {
        name: 'describes the EnterpriseUser manager as a complex attribute with a value',
        async run(client) {
          const response = await client.get(`/Schemas/${ENTERPRISE_USER_SCHEMA}`);
          expectScimJson(response, 200);
          const manager = response.body.attributes.find(
            (attribute: AttributeDefinition) => attribute.name === 'manager',
          );
          expect(manager).toMatchObject({ type: 'complex', multiValued: false });
          expect(manager.subAttributes.map((attribute: AttributeDefinition) => attribute.name)).toContain(
            'value',
          );
        },
      },
      {
        name: 'describes Group members with value, display and type',
        async run(client) {
          const response = await client.get(`/Schemas/${GROUP_SCHEMA}`);
          expectScimJson(response, 200);
          const members = response.body.attributes.find(
            (attribute: AttributeDefinition) => attribute.name === 'members',
          );
          expect(members).toMatchObject({ type: 'complex', multiValued: true });
          expect(members.subAttributes.map((attribute: AttributeDefinition) => attribute.name)).toEqual(
            expect.arrayContaining(['value', 'display', 'type']),
          );
        },
      },
    ],
  };
}
