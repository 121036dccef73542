/**
 * Departures from RFC 7644 that identity providers need, each off by default. The quirk ids refer
 * to docs/idp/research.md; {@link compatibilityProfiles} holds ready-made sets.
 */
export interface ScimCompatibility {
  /**
   * A PATCH `replace` whose value filter matches nothing (`emails[type eq "work"].value` on a user
   * without a work email): `error` answers 400 noTarget as RFC 7644 §3.5.2.3 says (the default);
   * `add` creates the value the filter describes, `{ type: "work", value: … }`, which Microsoft
   * Entra ID expects (entra-filtered-path-upsert). On a singular complex attribute
   * (`manager[value eq "m2"]`) the value is created only while the attribute is unassigned.
   */
  readonly replaceNoTarget?: 'error' | 'add';
  /**
   * Whether a PATCH path may name an extension attribute without its schema URN: `required`
   * answers 400 invalidPath to `manager` as RFC 7644 §3.10 implies (the default); `optional` takes
   * `manager` for `urn:…:enterprise:2.0:User:manager` when no core attribute and exactly one
   * extension has that name, as Microsoft Entra ID's tutorial sends it (entra-manager-unqualified).
   */
  readonly extensionUrn?: 'required' | 'optional';
}

/**
 * Named sets of {@link ScimCompatibility} options, for hosts that serve one identity provider (or
 * several, with `lenient`). Quirks that conflict with no RFC rule (Entra ID's
 * `emails[type eq "work"].value eq "…"` filter, its extra schema URN on groups, its manager removal
 * by value filter) are accepted by every profile and need no option.
 *
 * - `rfc`: RFC 7644 to the letter, the default.
 * - `entra`: Microsoft Entra ID: `replaceNoTarget: 'add'` (entra-filtered-path-upsert) and
 *   `extensionUrn: 'optional'` (entra-manager-unqualified).
 * - `okta`: Okta: its documented requests conform to the RFC, so nothing is relaxed.
 * - `lenient`: what any of the above needs, for a service shared by several identity providers.
 *
 * @example
 * ```ts
 * const service = createScimService({
 *   ...createMemoryStores(),
 *   compatibility: compatibilityProfiles.entra,
 * });
 * ```
 */
export const compatibilityProfiles: CompatibilityProfiles = Object.freeze({
  rfc: Object.freeze({ replaceNoTarget: 'error', extensionUrn: 'required' }),
  entra: Object.freeze({ replaceNoTarget: 'add', extensionUrn: 'optional' }),
  okta: Object.freeze({ replaceNoTarget: 'error', extensionUrn: 'required' }),
  lenient: Object.freeze({ replaceNoTarget: 'add', extensionUrn: 'optional' }),
});

/** The named profiles of {@link compatibilityProfiles}. */
export interface CompatibilityProfiles {
  /** RFC 7644 to the letter: the default. */
  readonly rfc: Readonly<Required<ScimCompatibility>>;
  /** What Microsoft Entra ID needs. */
  readonly entra: Readonly<Required<ScimCompatibility>>;
  /** What Okta needs: nothing beyond the RFC. */
  readonly okta: Readonly<Required<ScimCompatibility>>;
  /** What any supported identity provider needs. */
  readonly lenient: Readonly<Required<ScimCompatibility>>;
}

/** The compatibility options in force: the `rfc` profile with what the host set on top. */
export function resolveCompatibility(
  compatibility: ScimCompatibility | undefined,
): Required<ScimCompatibility> {
  return Object.freeze({ ...compatibilityProfiles.rfc, ...definedOnly(compatibility) });
}

/** The options the host set, so an explicit `undefined` keeps the default. */
function definedOnly(compatibility: ScimCompatibility | undefined): ScimCompatibility {
  const defined: { -readonly [K in keyof ScimCompatibility]: ScimCompatibility[K] } = {};
  if (compatibility?.replaceNoTarget !== undefined) defined.replaceNoTarget = compatibility.replaceNoTarget;
  if (compatibility?.extensionUrn !== undefined) defined.extensionUrn = compatibility.extensionUrn;
  return defined;
}
