import { fc } from '@fast-check/vitest';
import { oddValue, spliceRaw } from './fuzz-documents.js';
import { applyEdits, type TextEdit } from './fuzz-text-edits.js';

/** One change to a JSON document, at the `at`-th value (counted depth first, wrapping around). */
export interface JsonEdit {
  readonly kind: 'drop' | 'replace' | 'duplicate' | 'wrap' | 'stringify' | 'insert';
  readonly at: number;
  /** The new value (`replace`, `insert`). */
  readonly payload: unknown;
  /** The key an `insert` adds, e.g. `__proto__`. */
  readonly key: string;
}

/** One change to the serialised body: a duplicate key, or a text edit (cut, insert, duplicate). */
export interface BodyEdit {
  readonly kind: 'duplicateKey' | 'text';
  readonly at: number;
  readonly key: string;
  readonly value: string;
  readonly edit: TextEdit;
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  'id',
  'meta',
  'groups',
  'schemas',
  'password',
  'userName',
  'USERNAME',
  'members',
  'Operations',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  'urn:ietf:params:scim:schemas:core:2.0:User:userName',
  'x-unknown',
];

const jsonEdit: fc.Arbitrary<JsonEdit> = fc.record({
  kind: fc.constantFrom('drop', 'replace', 'duplicate', 'wrap', 'stringify', 'insert'),
  at: fc.nat(),
  payload: oddValue(),
  key: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
    { weight: 1, arbitrary: fc.string() },
  ),
});

const bodyEdit: fc.Arbitrary<BodyEdit> = fc.record({
  kind: fc.constantFrom('duplicateKey', 'text'),
  at: fc.nat(),
  key: fc.constantFrom(...HOSTILE_KEYS),
  value: fc.oneof(
    fc.constantFrom('"dup"', '{"polluted":"yes"}', '{"prototype":{"polluted":"yes"}}', 'null', '[]', '1e999'),
    fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)),
  ),
  edit: fc.record({
    kind: fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
    at: fc.nat(),
    piece: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'é', '\ud800'),
  }),
});

interface Slot {
  readonly container: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/** Every value below the root with its container, depth first. */
function slotsOf(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push({ container: value, key: index });
      slotsOf(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      out.push({ container: record, key });
      slotsOf(record[key], out);
    }
  }
  return out;
}

/** Sets an own property, even `__proto__`, so it survives JSON.stringify as a key. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function recased(key: string): string {
  const upper = key.toUpperCase();
  return upper === key ? key.toLowerCase() : upper;
}

/** Applies the edits to a copy of the document; each edit picks its value by position. */
export function applyJsonEdits(document: unknown, edits: readonly JsonEdit[]): unknown {
  const root: unknown = structuredClone(document);
  for (const edit of edits) {
    const slots = slotsOf(root);
    const slot = slots[edit.at % Math.max(slots.length, 1)];
    if (slot === undefined) continue;
    const { container, key } = slot;
    const current = Array.isArray(container) ? container[key as number] : container[key as string];
    const set = (value: unknown) => {
      if (Array.isArray(container)) container[key as number] = value;
      else define(container, key as string, value);
    };
    switch (edit.kind) {
      case 'drop':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key as string];
        break;
      case 'replace':
        set(structuredClone(edit.payload));
        break;
      case 'duplicate':
        if (Array.isArray(container)) container.push(structuredClone(current));
        else define(container, recased(key as string), structuredClone(current));
        break;
      case 'wrap':
        set(edit.at % 2 === 0 ? [current] : { value: current });
        break;
      case 'stringify':
        set(JSON.stringify(current) ?? 'undefined');
        break;
      case 'insert':
        if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
          define(current as Record<string, unknown>, edit.key, structuredClone(edit.payload));
        } else if (!Array.isArray(container)) {
          define(container, edit.key, structuredClone(edit.payload));
        }
        break;
    }
  }
  return root;
}

/** Applies text-level edits to a serialised body: duplicate keys and broken syntax. */
export function applyBodyEdits(text: string, edits: readonly BodyEdit[]): string {
  let out = text;
  for (const edit of edits) {
    if (edit.kind === 'text') {
      out = applyEdits(out, [edit.edit]);
      continue;
    }
    const opens = [...out.matchAll(/\{/g)].map((match) => match.index);
    const open = opens[edit.at % Math.max(opens.length, 1)];
    if (open === undefined) continue;
    const empty = out[open + 1] === '}';
    out = `${out.slice(0, open + 1)}${JSON.stringify(edit.key)}:${edit.value}${empty ? '' : ','}${out.slice(open + 1)}`;
  }
  return out;
}

/** Text no JSON parser accepts as a SCIM message, or JSON of the wrong shape. */
const NOT_A_MESSAGE = [
  '',
  ' ',
  'null',
  'true',
  '[]',
  '"x"',
  '1e999',
  '\uFEFF{}',
  '{"schemas":',
  'NaN',
  'undefined',
  "{'a':1}",
  '<xml/>',
  '{}{}',
  '{"a":1,}',
  '\u0000',
];

/**
 * A request body: a document serialised after JSON edits, raw splices and body edits, or random
 * text. Mostly the document is only lightly changed, so requests still reach the handlers.
 */
export function mutatedBody(document: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const edited = fc
    .tuple(
      document,
      fc.oneof(
        { weight: 5, arbitrary: fc.constant([]) },
        { weight: 2, arbitrary: fc.array(jsonEdit, { maxLength: 3 }) },
      ),
      fc.oneof(
        { weight: 12, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(bodyEdit, { maxLength: 2 }) },
      ),
    )
    .map(([value, jsonEdits, bodyEdits]) =>
      applyBodyEdits(spliceRaw(JSON.stringify(applyJsonEdits(value, jsonEdits)) ?? 'null'), bodyEdits),
    );
  return fc.oneof(
    { weight: 24, arbitrary: edited },
    { weight: 1, arbitrary: fc.constantFrom(...NOT_A_MESSAGE) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  );
}
