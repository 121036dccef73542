import { describe, expect, it } from 'vitest';
import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  USER_SCHEMA,
} from '../../../src/core/schema/definitions/schema-uris.js';
import { userSchema } from '../../../src/core/schema/definitions/user.js';
import {
  renderResourceTypes,
  renderSchema,
  renderSchemas,
  renderServiceProviderConfig,
  type ServiceProviderFeatures,
} from '../../../src/core/schema/discovery.js';
import { createDefaultRegistry } from '../../../src/core/schema/registry.js';
import { defaultRegistry } from '../../fixtures/schemas.js';
import { acmeUserSchema } from './custom-schemas.js';

const BASE = 'https://example.com/v2/';

describe('renderSchemas (RFC 7643 §7, §8.7)', () => {
  const documents = renderSchemas(defaultRegistry, BASE);

  it('renders one Schema resource per registered schema', () => {
    expect(documents.map((document) => document['id'])).toEqual([
      USER_SCHEMA,
      ENTERPRISE_USER_SCHEMA,
      GROUP_SCHEMA,
    ]);
    expect(documents[0]).toMatchObject({
      schemas: [SCHEMA_SCHEMA],
      name: 'User',
      description: 'User Account',
      meta: { resourceType: 'Schema', location: `https://example.com/v2/Schemas/${USER_SCHEMA}` },
    });
  });

  it('spells out every characteristic of every attribute, as §8.7.1 does', () => {
    const attributes = documents[0]?.['attributes'] as Record<string, unknown>[];
    expect(attributes.find((attribute) => attribute['name'] === 'userName')).toEqual({
      name: 'userName',
      type: 'string',
      multiValued: false,
      description: expect.any(String),
      required: true,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    });
    const emails = attributes.find((attribute) => attribute['name'] === 'emails');
    const type = ((emails?.['subAttributes'] ?? []) as Record<string, unknown>[]).find(
      (sub) => sub['name'] === 'type',
    );
    expect(type?.['canonicalValues']).toEqual(['work', 'home', 'other']);
  });

  it('leaves the common attributes out', () => {
    const attributes = documents[0]?.['attributes'] as Record<string, unknown>[];
    expect(attributes.map((attribute) => attribute['name'])).not.toContain('id');
    expect(attributes.map((attribute) => attribute['name'])).not.toContain('meta');
  });

  it('derives the document from the definitions and survives a JSON round trip', () => {
    const document = renderSchema(userSchema, 'https://example.com/v2');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect((document['attributes'] as unknown[]).length).toBe(userSchema.attributes.length);
  });

  it('includes host schemas', () => {
    const registry = createDefaultRegistry({ extensions: { User: [{ schema: acmeUserSchema }] } });
    expect(renderSchemas(registry, BASE).map((document) => document['name'])).toContain('AcmeUser');
  });
});

describe('renderResourceTypes (RFC 7643 §6, §8.6)', () => {
  it('renders User and Group with their endpoints and extensions', () => {
    expect(renderResourceTypes(defaultRegistry, BASE)).toEqual([
      {
        schemas: [RESOURCE_TYPE_SCHEMA],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'User Account',
        schema: USER_SCHEMA,
        schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
        meta: { resourceType: 'ResourceType', location: 'https://example.com/v2/ResourceTypes/User' },
      },
      {
        schemas: [RESOURCE_TYPE_SCHEMA],
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'Group',
        schema: GROUP_SCHEMA,
        schemaExtensions: [],
        meta: { resourceType: 'ResourceType', location: 'https://example.com/v2/ResourceTypes/Group' },
      },
    ]);
  });
});

describe('renderServiceProviderConfig (RFC 7643 §5, §8.5)', () => {
  const features: ServiceProviderFeatures = {
    patch: true,
    bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 },
    filter: { supported: true, maxResults: 200 },
    changePassword: false,
    sort: true,
    etag: true,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication scheme using the OAuth Bearer Token Standard',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    documentationUri: 'https://example.com/help/scim.html',
  };

  it('renders the §8.5 shape', () => {
    expect(renderServiceProviderConfig(features, BASE)).toEqual({
      schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
      documentationUri: 'https://example.com/help/scim.html',
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 1000, maxPayloadSize: 1_048_576 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [features.authenticationSchemes[0]],
      meta: {
        resourceType: 'ServiceProviderConfig',
        location: 'https://example.com/v2/ServiceProviderConfig',
      },
    });
  });

  it('omits documentationUri when there is none', () => {
    const { documentationUri: _omitted, ...rest } = features;
    expect(renderServiceProviderConfig(rest, BASE)).not.toHaveProperty('documentationUri');
  });
});
