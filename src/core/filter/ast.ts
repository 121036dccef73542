import type { Filter } from 'scim2-parse-filter';
import type { AttributeRef } from '../schema/types.js';

/**
 * A filter as the parser returns it, before it is checked against a schema: attribute paths are
 * still text in the client's case. This is the AST of `scim2-parse-filter`.
 */
export type RawFilter = Filter;

/** The comparison operators of RFC 7644 §3.4.2.2. */
export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** `attribute op value`, e.g. `userName eq "bjensen"`. */
export interface CompareNode {
  /** The comparison operator. */
  readonly op: CompareOperator;
  /** The compared attribute, resolved against the schema. */
  readonly attribute: AttributeRef;
  /** The literal; a dateTime stays the client's ISO 8601 text (checked to be valid). */
  readonly value: string | number | boolean | null;
}

/** `attribute pr`: the attribute has a value (not null, not empty). */
export interface PresentNode {
  /** Always `pr`. */
  readonly op: 'pr';
  /** The attribute that must have a value. */
  readonly attribute: AttributeRef;
}

/** `a and b and …` or `a or b or …`. */
export interface LogicalNode {
  /** How the terms combine: all of them (`and`) or any of them (`or`). */
  readonly op: 'and' | 'or';
  /** The terms, two or more, in the order the client wrote them. */
  readonly filters: readonly FilterNode[];
}

/** `not (a)`. */
export interface NotNode {
  /** Always `not`. */
  readonly op: 'not';
  /** The negated filter. */
  readonly filter: FilterNode;
}

/**
 * `emails[type eq "work" and value co "@example.com"]`: true when one value of the multi-valued
 * (or complex) `attribute` satisfies `filter` as a whole. The attribute refs inside `filter` are
 * full paths (`['emails', 'type']`) evaluated against that one value.
 */
export interface ValuePathNode {
  /** Always `valuePath`. */
  readonly op: 'valuePath';
  /** The multi-valued or complex attribute whose values are tested. */
  readonly attribute: AttributeRef;
  /** What one value must satisfy; its attribute refs are full paths from the resource. */
  readonly filter: FilterNode;
}

/**
 * A filter checked against a resource type's schema: every attribute resolved to its canonical
 * name and definition, every literal of the right type for its attribute. Stores that translate
 * filters to their own query language (push-down) read this type; it is part of the stable API.
 */
export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;

/** Upper bounds on a filter, so parsing and evaluation stay cheap for hostile input. */
export interface FilterLimits {
  /** Characters in the filter text. */
  readonly maxLength: number;
  /** Nesting of parentheses, `not` and value paths. */
  readonly maxDepth: number;
  /** Comparisons and `pr` terms in all. */
  readonly maxTerms: number;
}
