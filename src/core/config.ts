import type { GroupStore, ResourceStore, StoreContext, UserStore } from '../stores/types.js';
import type { Authenticate } from './auth/types.js';
import { resolveCompatibility, type ScimCompatibility } from './compatibility.js';
import type { FilterLimits } from './filter/ast.js';
import { DEFAULT_FILTER_LIMITS } from './filter/limits.js';
import type { ScimHooks } from './hooks.js';
import type { ScimLogger } from './messages/logger.js';
import type { AuthenticationScheme } from './schema/discovery.js';
import type { ExtensionInput } from './schema/registry.js';
import type { ResourceTypeDefinition, SchemaDefinition } from './schema/types.js';

/** Upper bounds on what one request may ask of the service; see {@link DEFAULT_LIMITS}. */
export interface ScimLimits {
  /** Largest request body in bytes (the adapters read at most one byte more). 413 beyond it. */
  readonly bodyBytes: number;
  /** Deepest nesting of JSON arrays and objects in a body. 400 invalidSyntax beyond it. */
  readonly jsonDepth: number;
  /**
   * Longest string in a body (a value or a key), in characters as written, escapes included.
   * 400 invalidValue beyond it.
   */
  readonly stringLength: number;
  /** Length, nesting and term count of a `filter`. 400 invalidFilter beyond them. */
  readonly filter: FilterLimits;
  /** Operations in one PatchOp request. 400 invalidSyntax beyond it (tooMany is for filters, Table 9). */
  readonly patchOperations: number;
  /** The bulk limits of RFC 7644 §3.7.4, also advertised in ServiceProviderConfig. 413 beyond them. */
  readonly bulk: {
    /** Operations in one BulkRequest. */
    readonly maxOperations: number;
    /** Bytes of one BulkRequest body. */
    readonly maxPayloadSize: number;
  };
  /** Most resources on one page of a list or search (`count` is capped to it, RFC 7644 §3.4.2.4). */
  readonly maxResults: number;
}

/** What a host may override of {@link ScimLimits}: any field, nested ones one by one. */
export interface ScimLimitsInput {
  /** See {@link ScimLimits.bodyBytes}. */
  readonly bodyBytes?: number;
  /** See {@link ScimLimits.jsonDepth}. */
  readonly jsonDepth?: number;
  /** See {@link ScimLimits.stringLength}. */
  readonly stringLength?: number;
  /** See {@link ScimLimits.filter}. */
  readonly filter?: Partial<FilterLimits>;
  /** See {@link ScimLimits.patchOperations}. */
  readonly patchOperations?: number;
  /** See {@link ScimLimits.bulk}. */
  readonly bulk?: {
    /** Operations in one BulkRequest. */
    readonly maxOperations?: number;
    /** Bytes of one BulkRequest body. */
    readonly maxPayloadSize?: number;
  };
  /** See {@link ScimLimits.maxResults}. */
  readonly maxResults?: number;
}

/**
 * Every default limit, in one place. 1 MiB bodies hold a bulk request of a few thousand small
 * operations or a group PUT with about 20k members; a depth of 64 is far beyond any SCIM
 * resource (about 5 levels) while keeping hostile nesting cheap; 64 Ki characters per string
 * holds any name, id or URL (a store's column is usually far shorter) but not a megabyte
 * `userName` that every index and log line would then carry; the filter bounds are the filter
 * engine's `DEFAULT_FILTER_LIMITS`.
 */
export const DEFAULT_LIMITS: ScimLimits = Object.freeze({
  bodyBytes: 1024 * 1024,
  jsonDepth: 64,
  stringLength: 64 * 1024,
  filter: DEFAULT_FILTER_LIMITS,
  patchOperations: 1000,
  bulk: Object.freeze({ maxOperations: 1000, maxPayloadSize: 1024 * 1024 }),
  maxResults: 1000,
});

/** A resource type besides User and Group: its definition, its schemas and where it is kept. */
export interface CustomResourceConfig {
  /** The resource type, e.g. `{ id: 'Device', name: 'Device', endpoint: '/Devices', ... }`. */
  readonly type: ResourceTypeDefinition;
  /** Its core schema and any extension schemas it lists. */
  readonly schemas: readonly SchemaDefinition[];
  /** Where resources of this type are kept (`createMemoryResourceStore`, or the host's own). */
  readonly store: ResourceStore;
}

/** Optional protocol features; each disabled one is answered with 501 and advertised as unsupported. */
export interface ScimFeatures {
  /** `/Bulk` (RFC 7644 §3.7). Default true. */
  readonly bulk: boolean;
  /** `sortBy` / `sortOrder` (RFC 7644 §3.4.2.3). Default true. */
  readonly sort: boolean;
  /** ETags, `If-Match` and `If-None-Match` (RFC 7644 §3.14). Default true. */
  readonly etag: boolean;
  /**
   * Whether PUT and PATCH may set `password` on an existing user (RFC 7643 §5 `changePassword`).
   * Default false: a request that does is answered with 501, so passwords never reach a store
   * that did not ask for them. An initial password in a POST is always passed on.
   */
  readonly changePassword: boolean;
}

/** The request context `me` receives: who is asking (see {@link ScimConfig.me}). */
export type MeResolver = (ctx: StoreContext) => string | undefined | Promise<string | undefined>;

/**
 * The configuration of a SCIM service: the stores it serves, how it authenticates, and the
 * protocol options. Only the stores are needed in practice; everything else has a default.
 *
 * @example
 * ```ts
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   authenticate: bearerToken(process.env.SCIM_TOKEN ?? ''),
 * });
 * ```
 */
export interface ScimConfig {
  /** Where users are kept. Absent (or `false`): no `/Users` endpoint, no User resource type. */
  readonly users?: UserStore | false;
  /** Where groups are kept. Absent (or `false`): no `/Groups` endpoint, no Group resource type. */
  readonly groups?: GroupStore | false;
  /** Resource types besides User and Group. Default none. */
  readonly resources?: readonly CustomResourceConfig[];
  /** Extra extension schemas on User and Group (EnterpriseUser is always on User). Default none. */
  readonly extensions?: {
    /** Extensions of the User resource type. */
    readonly User?: readonly ExtensionInput[];
    /** Extensions of the Group resource type. */
    readonly Group?: readonly ExtensionInput[];
  };
  /**
   * Authenticates every request before anything about resources is revealed: returns the
   * principal and tenant, or `undefined` / throws a 401 ScimError to refuse. Default: none, every
   * request is accepted as tenant `default` (a warning is logged when the service is created).
   * See `bearerToken` for static tokens.
   */
  readonly authenticate?: Authenticate;
  /**
   * Whether `/ServiceProviderConfig`, `/ResourceTypes` and `/Schemas` need authentication.
   * `required` (the default) or `public` (RFC 7644 §4 allows either).
   */
  readonly discoveryAuth?: 'required' | 'public';
  /** Maps the authenticated request to the id of its User, for `/Me` (RFC 7644 §3.11). Absent: `/Me` is 501. */
  readonly me?: MeResolver;
  /** Lifecycle events, called after the store write succeeded. Default none. */
  readonly hooks?: ScimHooks;
  /** Where errors and warnings go. Default: `console.error` and `console.warn`. */
  readonly logger?: ScimLogger;
  /** Overrides of {@link DEFAULT_LIMITS}. */
  readonly limits?: ScimLimitsInput;
  /** What a successful PATCH answers: `resource` (200 with the resource, the default) or `noContent` (204). */
  readonly patchResponse?: 'resource' | 'noContent';
  /**
   * What a successful PATCH of a Group answers when it only adds or removes members: `noContent`
   * (204, the default) or `resource` (as `patchResponse` says). RFC 7644 §3.5.2 lets the server
   * choose 204; rendering the group would cost time in proportion to its members on every member
   * change (100k members: 100k rendered values per added member), Entra ID asks for 204
   * (entra-group-patch-204), and Okta accepts 200 or 204.
   */
  readonly memberPatchResponse?: 'resource' | 'noContent';
  /** Attributes the schema does not define: `reject` (400 invalidSyntax, the default) or `drop`. */
  readonly unknownAttributes?: 'reject' | 'drop';
  /** String values outside an attribute's `canonicalValues`: `accept` (the default) or `reject` (400 invalidValue). */
  readonly canonicalValues?: 'reject' | 'accept';
  /**
   * Departures from RFC 7644 that identity providers need, e.g. `compatibilityProfiles.entra`.
   * Default `compatibilityProfiles.rfc` (none); see {@link ScimCompatibility}.
   */
  readonly compatibility?: ScimCompatibility;
  /** Optional features, each on or off; see {@link ScimFeatures} for the defaults. */
  readonly features?: Partial<ScimFeatures>;
  /** `documentationUri` of ServiceProviderConfig. Default none. */
  readonly documentationUri?: string;
  /**
   * `authenticationSchemes` of ServiceProviderConfig (RFC 7643 §5). Default: one OAuth bearer
   * token scheme, which is what `bearerToken` and most IdPs use.
   */
  readonly authenticationSchemes?: readonly AuthenticationScheme[];
  /** Makes the id of a new resource. Default `crypto.randomUUID`. */
  readonly generateId?: () => string;
  /** The clock for `meta.created` and `meta.lastModified`. Default the system clock. */
  readonly now?: () => Date;
}

/** A configuration with every default filled in, as the service uses it; see {@link ScimConfig}. */
export interface ResolvedScimConfig {
  /** The user store, or `undefined` when `/Users` is disabled. */
  readonly users: UserStore | undefined;
  /** The group store, or `undefined` when `/Groups` is disabled. */
  readonly groups: GroupStore | undefined;
  /** The custom resource types. */
  readonly resources: readonly CustomResourceConfig[];
  /** The extra extensions of User and Group. */
  readonly extensions: {
    /** Extensions of the User resource type. */
    readonly User: readonly ExtensionInput[];
    /** Extensions of the Group resource type. */
    readonly Group: readonly ExtensionInput[];
  };
  /** The host's authentication, or `undefined` when every request is accepted. */
  readonly authenticate: Authenticate | undefined;
  /** Whether the discovery endpoints need authentication. */
  readonly discoveryAuth: 'required' | 'public';
  /** The `/Me` mapping, or `undefined` when `/Me` is not supported. */
  readonly me: MeResolver | undefined;
  /** The lifecycle hooks (possibly none). */
  readonly hooks: ScimHooks;
  /** Where errors and warnings go. */
  readonly logger: ScimLogger;
  /** Every limit. */
  readonly limits: ScimLimits;
  /** What a successful PATCH answers. */
  readonly patchResponse: 'resource' | 'noContent';
  /** What a member-only PATCH of a Group answers. */
  readonly memberPatchResponse: 'resource' | 'noContent';
  /** What happens to attributes the schema does not define. */
  readonly unknownAttributes: 'reject' | 'drop';
  /** What happens to values outside `canonicalValues`. */
  readonly canonicalValues: 'reject' | 'accept';
  /** The departures from RFC 7644, each set. */
  readonly compatibility: Required<ScimCompatibility>;
  /** The optional features, each on or off. */
  readonly features: ScimFeatures & {
    /** True when `/Me` is supported (a `me` function is configured). */
    readonly me: boolean;
  };
  /** `documentationUri` of ServiceProviderConfig, if any. */
  readonly documentationUri: string | undefined;
  /** `authenticationSchemes` of ServiceProviderConfig, or `undefined` for the default. */
  readonly authenticationSchemes: readonly AuthenticationScheme[] | undefined;
  /** Makes the id of a new resource. */
  readonly generateId: () => string;
  /** The clock. */
  readonly now: () => Date;
}

/**
 * Fills in every default of a {@link ScimConfig} and checks the limits.
 *
 * @throws Error (a host programming mistake) when a limit is not a positive integer.
 */
export function resolveConfig(config: ScimConfig): ResolvedScimConfig {
  const limits = resolveLimits(config.limits ?? {});
  const features = config.features ?? {};
  return Object.freeze({
    users: config.users === false ? undefined : config.users,
    groups: config.groups === false ? undefined : config.groups,
    resources: [...(config.resources ?? [])],
    extensions: { User: config.extensions?.User ?? [], Group: config.extensions?.Group ?? [] },
    authenticate: config.authenticate,
    discoveryAuth: config.discoveryAuth ?? 'required',
    me: config.me,
    hooks: config.hooks ?? {},
    logger: config.logger ?? consoleLogger(),
    limits,
    patchResponse: config.patchResponse ?? 'resource',
    memberPatchResponse: config.memberPatchResponse ?? 'noContent',
    unknownAttributes: config.unknownAttributes ?? 'reject',
    canonicalValues: config.canonicalValues ?? 'accept',
    compatibility: resolveCompatibility(config.compatibility),
    features: {
      bulk: features.bulk ?? true,
      sort: features.sort ?? true,
      etag: features.etag ?? true,
      changePassword: features.changePassword ?? false,
      me: config.me !== undefined,
    },
    documentationUri: config.documentationUri,
    authenticationSchemes: config.authenticationSchemes,
    generateId: config.generateId ?? (() => globalThis.crypto.randomUUID()),
    now: config.now ?? (() => new Date()),
  });
}

function resolveLimits(input: ScimLimitsInput): ScimLimits {
  const limits: ScimLimits = {
    bodyBytes: input.bodyBytes ?? DEFAULT_LIMITS.bodyBytes,
    jsonDepth: input.jsonDepth ?? DEFAULT_LIMITS.jsonDepth,
    stringLength: input.stringLength ?? DEFAULT_LIMITS.stringLength,
    filter: { ...DEFAULT_LIMITS.filter, ...input.filter },
    patchOperations: input.patchOperations ?? DEFAULT_LIMITS.patchOperations,
    bulk: { ...DEFAULT_LIMITS.bulk, ...input.bulk },
    maxResults: input.maxResults ?? DEFAULT_LIMITS.maxResults,
  };
  const check = (name: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`scimkit: limits.${name} must be a positive integer, got ${String(value)}`);
    }
  };
  check('bodyBytes', limits.bodyBytes);
  check('jsonDepth', limits.jsonDepth);
  check('stringLength', limits.stringLength);
  check('filter.maxLength', limits.filter.maxLength);
  check('filter.maxDepth', limits.filter.maxDepth);
  // Checking, compiling and evaluating a filter recurse once per level; past a few hundred levels
  // a hostile filter could exhaust the stack where no handler can catch it (during evaluation).
  if (limits.filter.maxDepth > MAX_FILTER_DEPTH) {
    throw new Error(
      `scimkit: limits.filter.maxDepth must be at most ${MAX_FILTER_DEPTH}, got ${limits.filter.maxDepth}`,
    );
  }
  check('filter.maxTerms', limits.filter.maxTerms);
  check('patchOperations', limits.patchOperations);
  check('bulk.maxOperations', limits.bulk.maxOperations);
  check('bulk.maxPayloadSize', limits.bulk.maxPayloadSize);
  check('maxResults', limits.maxResults);
  return limits;
}

/** The deepest filter nesting a host may allow (`limits.filter.maxDepth`). */
const MAX_FILTER_DEPTH = 256;

function consoleLogger(): ScimLogger {
  return {
    error: (message, meta) => console.error(message, meta ?? {}),
    warn: (message, meta) => console.warn(message, meta ?? {}),
  };
}
