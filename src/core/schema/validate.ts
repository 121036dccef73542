import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { badRequest } from '../errors.js';
import { isScimDateTime } from './date-time.js';
import { FORMATS, type JsonSchema, type JsonSchemaOptions, toJsonSchema } from './json-schema.js';
import type { ResourceSchema } from './resource-schema.js';
import type { AttributeDefinition, ScimResource } from './types.js';

/** Options for {@link compileValidator}. */
export type ValidatorOptions = JsonSchemaOptions;

/** A resource type's compiled checks, built once by {@link compileValidator} and reused per request. */
export interface ResourceValidator {
  /** The resource type it checks. */
  readonly schema: ResourceSchema;
  /** The generated JSON Schema, for inspection and documentation. */
  readonly jsonSchema: JsonSchema;
  /**
   * Checks a normalised resource (see `normalizeResource`).
   *
   * @throws {@link ScimError} 400 invalidValue, see {@link checkResource}.
   */
  check(resource: ScimResource): void;
}

/**
 * Compiles the checks of one resource type: a single ajv validator of the JSON Schema generated
 * from its definitions, plus the one-primary rule (RFC 7643 §2.4). Call it once per resource type
 * when the service starts, never per request.
 */
export function compileValidator(schema: ResourceSchema, options: ValidatorOptions): ResourceValidator {
  const jsonSchema = toJsonSchema(schema, options);
  const ajv = new Ajv({ allErrors: false, strict: true });
  addFormats.default(ajv, [FORMATS.uri, FORMATS.binary]);
  ajv.addFormat(FORMATS.dateTime, { type: 'string', validate: isScimDateTime });
  const validate = ajv.compile(jsonSchema);
  const primaryPaths = findPrimaryPaths(schema);
  return Object.freeze({
    schema,
    jsonSchema,
    check(resource: ScimResource): void {
      if (!validate(resource)) throw badRequest('invalidValue', describe(validate));
      for (const path of primaryPaths) checkOnePrimary(resource, path);
    },
  });
}

/**
 * Checks a normalised resource against its resource type's validator.
 *
 * @throws {@link ScimError} 400 invalidValue naming the path and the problem: a wrong type
 *   (`emails[0].value: expected a string`), a value outside `canonicalValues` (when rejected), a
 *   malformed dateTime, URI or base64 value, a missing required attribute (`userName: required`),
 *   or more than one `primary: true` in a multi-valued attribute.
 */
export function checkResource(validator: ResourceValidator, resource: ScimResource): void {
  validator.check(resource);
}

/** The keys leading to a multi-valued complex attribute with a `primary` sub-attribute. */
function findPrimaryPaths(schema: ResourceSchema): (readonly string[])[] {
  const paths: (readonly string[])[] = [];
  const hasPrimary = (attribute: AttributeDefinition) =>
    attribute.multiValued && (attribute.subAttributes ?? []).some((sub) => sub.name === 'primary');
  for (const attribute of schema.core.attributes) if (hasPrimary(attribute)) paths.push([attribute.name]);
  for (const extension of schema.extensions) {
    for (const attribute of extension.definition.attributes) {
      if (hasPrimary(attribute)) paths.push([extension.schema, attribute.name]);
    }
  }
  return paths;
}

function checkOnePrimary(resource: ScimResource, path: readonly string[]): void {
  let values: unknown = resource;
  for (const key of path) values = isRecord(values) ? values[key] : undefined;
  if (!Array.isArray(values)) return;
  let primaries = 0;
  for (const value of values) if (isRecord(value) && value['primary'] === true) primaries += 1;
  if (primaries > 1) {
    throw badRequest(
      'invalidValue',
      `${toPath(path)}: at most one value may have primary true (RFC 7643 §2.4)`,
    );
  }
}

function describe(validate: ValidateFunction): string {
  const error: ErrorObject | undefined = validate.errors?.[0];
  if (error === undefined) return 'the resource is invalid';
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${toPath([...segments, String(params['missingProperty'])])}: required`;
    case 'type':
      return `${toPath(segments)}: expected ${article(String(params['type']))}`;
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String).join(', ');
      return `${toPath(segments)}: expected one of ${allowed}`;
    }
    case 'format':
      return `${toPath(segments)}: expected ${FORMAT_NAMES[String(params['format'])] ?? 'a valid value'}`;
    default:
      return `${toPath(segments)}: ${error.message ?? 'invalid'}`;
  }
}

const FORMAT_NAMES: Record<string, string> = {
  [FORMATS.dateTime]: 'a dateTime such as 2011-08-01T18:29:49Z',
  [FORMATS.uri]: 'a URI',
  [FORMATS.binary]: 'base64-encoded binary',
};

const ARTICLES: Record<string, string> = {
  string: 'a string',
  boolean: 'a boolean',
  integer: 'an integer',
  number: 'a decimal number',
  object: 'a complex value (an object)',
  array: 'an array (multi-valued)',
};

function article(type: string): string {
  return ARTICLES[type] ?? type;
}

/** `['emails', '0', 'value']` → `emails[0].value`; an extension URN key joins with a colon. */
function toPath(segments: readonly string[]): string {
  let path = '';
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (index === 0) path = segment;
    else if (index === 1 && segments[0]?.includes(':')) path += `:${segment}`;
    else path += `.${segment}`;
  });
  return path === '' ? 'the resource' : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
