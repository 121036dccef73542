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
}

/**
 * Named sets of {@link ScimCompatibility} options, for hosts that serve one identity provider (or
 * several, with `lenient`). Quirks that conflict with no RFC rule (Entra ID's
 * `emails[type eq "work"].value eq "…"` filter, its extra schema URN on groups, its manager removal
 * by value filter) are accepted by every profile and need no option.
 *
 * - `rfc`: RFC 7644 to the letter, the default.
 * - `entra`: Microsoft Entra ID: `replaceNoTarget: 'add'` (entra-filtered-path-upsert).
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
  rfc: Object.freeze({ replaceNoTarget: 'error' }),
  entra: Object.freeze({ replaceNoTarget: 'add' }),
  okta: Object.freeze({ replaceNoTarget: 'error' }),
  lenient: Object.freeze({ replaceNoTarget: 'add' }),
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
  if (compatibility?.replaceNoTarget === undefined) return {};
  return { replaceNoTarget: compatibility.replaceNoTarget };
}
