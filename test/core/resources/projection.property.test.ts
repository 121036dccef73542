import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parseProjection, projectResource } from '../../../src/core/resources/projection.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../src/core/schema/definitions/schema-uris.js';
import { ACME, acmeUserResource, allKeys } from './support.js';

const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

const names = [
  'password',
  'PASSWORD',
  `${CORE_USER}:password`,
  'userName',
  'name',
  'name.givenName',
  'emails',
  'emails.value',
  'id',
  'meta',
  'schemas',
  'noSuch',
  CORE_USER,
  ENTERPRISE_USER_SCHEMA,
  `${ENTERPRISE_USER_SCHEMA}:department`,
  ACME,
  `${ACME}:pin`,
  `${ACME}:badge`,
  `${ACME}:profile`,
];

const parameter = fc.option(
  fc.subarray(names).map((picked) => picked.join(',')),
  { nil: undefined },
);

const user = fc.record({
  schemas: fc.constant([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ACME]),
  id: fc.uuid(),
  userName: fc.string({ minLength: 1 }),
  password: fc.string(),
  name: fc.record({ givenName: fc.string(), familyName: fc.string() }, { requiredKeys: [] }),
  emails: fc.array(fc.record({ value: fc.emailAddress(), primary: fc.boolean() }), { maxLength: 3 }),
  [ENTERPRISE_USER_SCHEMA]: fc.record({ department: fc.string() }),
  [ACME]: fc.record(
    { tenantCode: fc.string(), pin: fc.string(), badge: fc.string() },
    { requiredKeys: ['pin'] },
  ),
});

test.prop([parameter, parameter, user])(
  'projection never returns returned: never attributes (password, pin)',
  (attributes, excludedAttributes, resource) => {
    const projection = parseProjection(acmeUserResource, { attributes, excludedAttributes });
    const keys = allKeys(projectResource(acmeUserResource, resource, projection));
    expect(keys.has('password')).toBe(false);
    expect(keys.has('pin')).toBe(false);
  },
);

test.prop([parameter, parameter, user])(
  'projection always returns schemas and id, and schemas lists only URNs whose data remains',
  (attributes, excludedAttributes, resource) => {
    const projection = parseProjection(acmeUserResource, { attributes, excludedAttributes });
    const out = projectResource(acmeUserResource, resource, projection);
    expect(out['id']).toBe(resource.id);
    const schemas = out['schemas'] as string[];
    expect(schemas[0]).toBe(USER_SCHEMA);
    for (const urn of schemas.slice(1)) expect(out).toHaveProperty([urn]);
    for (const urn of [ENTERPRISE_USER_SCHEMA, ACME]) if (urn in out) expect(schemas).toContain(urn);
  },
);
