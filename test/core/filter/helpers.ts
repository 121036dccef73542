import { isScimError, type ScimError } from '../../../src/core/errors.js';
import { defineAttribute } from '../../../src/core/schema/define.js';
import { createSchemaRegistry } from '../../../src/core/schema/registry.js';
import type { ResourceSchema } from '../../../src/core/schema/resource-schema.js';

/** The core schema URN of {@link widgetResource}. */
export const WIDGET_SCHEMA = 'urn:example:params:scim:schemas:core:2.0:Widget';

/** The ScimError `run` throws; fails the test when it returns or throws anything else. */
export function refusal(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (isScimError(error)) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}

/** A custom resource type with the attribute types User lacks: integer, decimal, binary, … */
export const widgetResource: ResourceSchema = (() => {
  const registry = createSchemaRegistry({
    schemas: [
      {
        id: WIDGET_SCHEMA,
        name: 'Widget',
        attributes: [
          defineAttribute({ name: 'label' }),
          defineAttribute({ name: 'code', caseExact: true }),
          defineAttribute({ name: 'count', type: 'integer' }),
          defineAttribute({ name: 'weight', type: 'decimal' }),
          defineAttribute({ name: 'blob', type: 'binary' }),
          defineAttribute({ name: 'when', type: 'dateTime' }),
          defineAttribute({ name: 'tags', multiValued: true }),
          defineAttribute({ name: 'valueOf' }),
          defineAttribute({ name: 'secret', returned: 'never', mutability: 'writeOnly' }),
          defineAttribute({
            name: 'parts',
            type: 'complex',
            multiValued: true,
            subAttributes: [
              defineAttribute({ name: 'name' }),
              defineAttribute({ name: 'size', type: 'integer' }),
              defineAttribute({ name: 'pin', returned: 'never' }),
            ],
          }),
        ],
      },
    ],
    resourceTypes: [
      { id: 'Widget', name: 'Widget', endpoint: '/Widgets', schema: WIDGET_SCHEMA, schemaExtensions: [] },
    ],
  });
  return registry.get('Widget') as ResourceSchema;
})();
