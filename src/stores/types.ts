import type { FilterNode } from '../core/filter/ast.js';
import type { AttributeType, ScimResource } from '../core/schema/types.js';

/**
 * What reaches every store call: who is asking, for which tenant, in which request. Stores that
 * serve several organisations partition their data by `tenant`.
 */
export interface StoreContext {
  /** The tenant the request was authenticated for; `'default'` for a single-tenant service. */
  readonly tenant: string;
  /** What `authenticate` returned as the principal (a client id, a token name), if anything. */
  readonly principal: unknown;
  /** A unique id of the HTTP request, for logs and tracing. */
  readonly requestId: string;
}

/** The server-owned metadata of a stored resource (RFC 7643 §3.1). */
export interface StoredMeta {
  /** The resource type name, e.g. `User`, `Group`. */
  readonly resourceType: string;
  /** ISO 8601 instant. */
  readonly created: string;
  /** ISO 8601 instant. */
  readonly lastModified: string;
  /** An opaque version that changes on every change; rendered as the weak ETag `W/"<version>"`. */
  readonly version: string;
}

/**
 * A resource as stores keep it: canonical attribute names, extension attributes under their URN
 * key, the server's `id` and `meta`. `meta.location` is not stored: the core renders it from the
 * request's base URL. `User.groups` is not stored either: stores that keep memberships compute it.
 */
export interface StoredResource extends ScimResource {
  /** The server-assigned id, unique per tenant and resource type; never changes. */
  readonly id: string;
  /** The server-owned metadata: resource type, timestamps and version. */
  readonly meta: StoredMeta;
}

/** A resource about to be created: the core has assigned its `id` and `meta` (stores may keep them). */
export type NewResource = StoredResource;

/** A sort the store can apply, already validated against the schema. */
export interface SortSpec {
  /** The canonical attribute path, e.g. `name.familyName`. */
  readonly path: string;
  /** The direction (`sortOrder`); `ascending` when the client named none. */
  readonly order: 'ascending' | 'descending';
  /** Whether string comparison is case-sensitive (the attribute's `caseExact`). */
  readonly caseExact: boolean;
  /**
   * The attribute's type, so a store compares numbers as numbers and dateTimes as instants;
   * `parseSort` always sets it. Without it, values compare by their JSON type.
   */
  readonly type?: AttributeType;
}

/** What a list request asks the store for: filter, sort and one page, all validated. */
export interface ResourceQuery {
  /** The validated filter, or `undefined` for every resource. */
  readonly filter?: FilterNode;
  /** The compiled form of `filter`, for stores that evaluate in memory. */
  readonly matches?: (resource: ScimResource) => boolean;
  /** The validated sort, or `undefined` for any order the store likes. */
  readonly sort?: SortSpec;
  /** 1-based index of the first result (RFC 7644 §3.4.2.4). */
  readonly startIndex: number;
  /** How many resources at most; 0 asks only for `totalResults`. */
  readonly count: number;
  /** Canonical paths of attributes the response will hold; stores may skip loading the rest. */
  readonly attributes?: ReadHint;
}

/**
 * Which attributes the response needs, so a store can skip expensive ones (a group's 100k
 * `members`). Stores may ignore it: the core projects the response anyway.
 */
export interface ReadHint {
  /** Canonical top-level attribute names the response will not contain. */
  readonly omit: ReadonlySet<string>;
}

/** One page of results and the total number of matches. */
export interface Page<T> {
  /** How many resources match in all, across every page. */
  readonly totalResults: number;
  /** The resources of this page, in order. */
  readonly resources: readonly T[];
}

/** A member of a group as stores keep it (`$ref` is rendered by the core). */
export interface StoredMember {
  /** The `id` of the member User or Group. */
  readonly value: string;
  /** A human-readable name of the member, as the client sent it. */
  readonly display?: string;
  /** `User` or `Group`. */
  readonly type?: string;
}

/** A change to a group's membership, without the member list (RFC 7644 §3.5.2 member operations). */
export interface MembershipDelta {
  /** Members to add; adding a present member only updates its `display`, when one is given. */
  readonly add: readonly StoredMember[];
  /** Member ids to remove; removing an absent member changes nothing. */
  readonly remove: readonly string[];
}

/** The write condition and the new metadata of a change. */
export interface WriteCondition {
  /** Write only if the stored `meta.version` is still this; `undefined` writes unconditionally. */
  readonly ifVersion?: string;
  /** The `lastModified` and `version` the resource has after the change. */
  readonly lastModified: string;
  /** The new `meta.version`: store it with the change. */
  readonly version: string;
}

/**
 * Where the host keeps one resource type. `UserStore` and `GroupStore` specialise it; custom
 * resource types use it as it is. Every method receives the request's context.
 */
export interface ResourceStore {
  /** The resource, or `undefined` when there is none (the core answers 404). */
  get(ctx: StoreContext, id: string, hint?: ReadHint): Promise<StoredResource | undefined>;
  /**
   * One page of resources matching the query, and the total count. A store without
   * `pushDown.filter` may ignore `filter` and `sort`: the core then asks for every resource
   * (startIndex 1, count Infinity) and filters, sorts and pages in memory.
   */
  query(ctx: StoreContext, query: ResourceQuery): Promise<Page<StoredResource>>;
  /** Stores a new resource. @throws ScimError 409 `uniqueness` when a unique attribute is taken. */
  create(ctx: StoreContext, resource: NewResource): Promise<StoredResource>;
  /**
   * Replaces the whole resource (its `meta` already holds the new version), if the stored version
   * is still `condition.ifVersion`. `undefined` when the resource is gone or its version moved on.
   * @throws ScimError 409 `uniqueness` when a unique attribute is taken.
   */
  replace(
    ctx: StoreContext,
    resource: StoredResource,
    condition: WriteCondition,
  ): Promise<StoredResource | undefined>;
  /** Deletes the resource if its version is still `ifVersion` (when given); `false` when nothing was deleted. */
  delete(ctx: StoreContext, id: string, ifVersion?: string): Promise<boolean>;
  /** What the store evaluates itself; the core filters and sorts the rest in memory. */
  readonly pushDown?: {
    /** True when `query` honours `filter`, `startIndex` and `count` (and `totalResults` counts matches). */
    readonly filter: boolean;
    /** True when `query` also honours `sort`; only consulted when `filter` is true. */
    readonly sort: boolean;
  };
}

/** Where the host keeps users. Stores that keep memberships fill `groups` on the users they return. */
export interface UserStore extends ResourceStore {}

/** Where the host keeps groups; member changes arrive as a delta, never as the whole list. */
export interface GroupStore extends ResourceStore {
  /**
   * Adds and removes members and applies the new metadata, if the group's version is still
   * `condition.ifVersion`. Returns the group as `get` with the same hint would, or `undefined`
   * when the group is gone or its version moved on.
   *
   * The core checks that added members exist before it calls; a member deleted between that check
   * and the write must not be stored. Drop it, or throw ScimError 400 `invalidValue` (what a
   * foreign key gives). The same holds for the members given to `create` and `replace`.
   */
  changeMembers(
    ctx: StoreContext,
    groupId: string,
    delta: MembershipDelta,
    condition: WriteCondition,
    hint?: ReadHint,
  ): Promise<StoredResource | undefined>;
}
