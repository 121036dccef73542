import type { AttributeDefinition, AttributeType } from './types.js';

/** What {@link defineAttribute} takes: a name, and only the characteristics that differ from the defaults. */
export type AttributeInput = {
  /** The attribute's name as the schema spells it. */
  readonly name: string;
} & {
  -readonly [K in Exclude<keyof AttributeDefinition, 'name'>]?: AttributeDefinition[K];
};

/**
 * Builds a full attribute definition from the characteristics that differ from the RFC 7643 §2.2
 * defaults: type string, single-valued, not required, caseExact false, mutability readWrite,
 * returned default, uniqueness none.
 */
export function defineAttribute(partial: AttributeInput): AttributeDefinition {
  return {
    type: 'string',
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...partial,
  };
}

/** Options for {@link defineMultiValuedComplex}. */
export interface MultiValuedComplexInput {
  /** The attribute name, e.g. `emails`. */
  readonly name: string;
  /** What the attribute holds, for the Schemas documents. */
  readonly description?: string;
  /** The type of the `value` sub-attribute; string unless said otherwise. */
  readonly valueType?: AttributeType;
  /** The `referenceTypes` of `value`, when it is a reference. */
  readonly valueReferenceTypes?: readonly string[];
  /** The `canonicalValues` of the `type` sub-attribute. */
  readonly typeCanonicalValues?: readonly string[];
}

/**
 * Builds the usual multi-valued complex attribute of RFC 7643 §2.4 (emails, phoneNumbers, roles…)
 * with its `value`, `display`, `type` and `primary` sub-attributes.
 */
export function defineMultiValuedComplex(input: MultiValuedComplexInput): AttributeDefinition {
  const value: AttributeInput = {
    name: 'value',
    type: input.valueType ?? 'string',
    description: 'The value.',
  };
  const type: AttributeInput = { name: 'type', description: "A label for the value's function." };
  return defineAttribute({
    name: input.name,
    type: 'complex',
    multiValued: true,
    ...(input.description === undefined ? {} : { description: input.description }),
    subAttributes: [
      defineAttribute(
        input.valueReferenceTypes === undefined
          ? value
          : { ...value, referenceTypes: input.valueReferenceTypes },
      ),
      defineAttribute({ name: 'display', description: 'A human-readable name, for display only.' }),
      defineAttribute(
        input.typeCanonicalValues === undefined
          ? type
          : { ...type, canonicalValues: input.typeCanonicalValues },
      ),
      defineAttribute({
        name: 'primary',
        type: 'boolean',
        description: 'True for the preferred value; at most one value has it.',
      }),
    ],
  });
}
