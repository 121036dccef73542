import { ScimError } from '../../core/errors.js';
import type { StoredResource } from '../types.js';

/** A top-level string attribute a memory table indexes for `eq` lookups. */
export interface IndexedAttribute {
  /** The canonical attribute name, e.g. `userName`. */
  readonly name: string;
  /** When false, values are indexed lower-cased, so `BJensen` and `bjensen` share a key. */
  readonly caseExact: boolean;
  /** When true, two resources of one tenant may not share a key: 409 `uniqueness`. */
  readonly unique: boolean;
}

/**
 * One tenant's resources of one type, with an index per configured attribute. Records are the
 * store's own objects: callers copy on the way in and out. Every method is synchronous, so a
 * check and the write it guards can never interleave with another call.
 */
export interface ResourceTable {
  /** How many records the table holds. */
  readonly size: number;
  /** The record with this id (the table's own object, not a copy), or `undefined`. */
  get(id: string): StoredResource | undefined;
  /** Records in insertion order. */
  values(): IterableIterator<StoredResource>;
  /** The index of `name`, or `undefined` when `name` is not indexed. */
  index(name: string): IndexedAttribute | undefined;
  /** Ids whose `name` equals `value` under the index's case rule; `undefined` when not indexed. */
  lookup(name: string, value: string): ReadonlySet<string> | undefined;
  /** Adds a record. @throws ScimError 409 uniqueness when its id or a unique value is taken. */
  insert(record: StoredResource): void;
  /** Swaps the record with the same id. @throws ScimError 409 uniqueness; nothing changes then. */
  update(record: StoredResource): void;
  /** Removes a record and its index entries; returns it, or `undefined` when absent. */
  remove(id: string): StoredResource | undefined;
}

interface Index {
  readonly attribute: IndexedAttribute;
  /** Key → ids. A unique index holds at most one id per key. */
  readonly ids: Map<string, Set<string>>;
}

/** Creates an empty table indexing `attributes` (top-level, string-valued). */
export function createResourceTable(attributes: readonly IndexedAttribute[]): ResourceTable {
  const records = new Map<string, StoredResource>();
  const indexes = new Map<string, Index>();
  for (const attribute of attributes) indexes.set(attribute.name, { attribute, ids: new Map() });

  const keyOf = (index: Index, record: StoredResource): string | undefined => {
    const value = record[index.attribute.name];
    if (typeof value !== 'string') return undefined;
    return index.attribute.caseExact ? value : value.toLowerCase();
  };

  const checkUnique = (record: StoredResource): void => {
    for (const index of indexes.values()) {
      if (!index.attribute.unique) continue;
      const key = keyOf(index, record);
      if (key === undefined) continue;
      const owners = index.ids.get(key);
      if (owners === undefined) continue;
      for (const owner of owners) {
        if (owner === record.id) continue;
        const name = index.attribute.name;
        throw new ScimError({
          status: 409,
          scimType: 'uniqueness',
          detail: `${name}: "${String(record[name])}" is already taken`,
        });
      }
    }
  };

  const addKey = (index: Index, key: string | undefined, id: string): void => {
    if (key === undefined) return;
    const ids = index.ids.get(key);
    if (ids === undefined) index.ids.set(key, new Set([id]));
    else ids.add(id);
  };

  const removeKey = (index: Index, key: string | undefined, id: string): void => {
    if (key === undefined) return;
    const ids = index.ids.get(key);
    if (ids === undefined) return;
    ids.delete(id);
    if (ids.size === 0) index.ids.delete(key);
  };

  return {
    get size() {
      return records.size;
    },
    get: (id) => records.get(id),
    values: () => records.values(),
    index: (name) => indexes.get(name)?.attribute,
    lookup(name, value) {
      const index = indexes.get(name);
      if (index === undefined) return undefined;
      const key = index.attribute.caseExact ? value : value.toLowerCase();
      return index.ids.get(key) ?? new Set<string>();
    },
    insert(record) {
      if (records.has(record.id)) {
        throw new ScimError({
          status: 409,
          scimType: 'uniqueness',
          detail: `id: "${record.id}" is already taken`,
        });
      }
      checkUnique(record);
      records.set(record.id, record);
      for (const index of indexes.values()) addKey(index, keyOf(index, record), record.id);
    },
    update(record) {
      const previous = records.get(record.id);
      if (previous === undefined) throw new Error(`no record with id ${record.id} to update`);
      checkUnique(record);
      for (const index of indexes.values()) {
        const before = keyOf(index, previous);
        const after = keyOf(index, record);
        if (before === after) continue;
        removeKey(index, before, record.id);
        addKey(index, after, record.id);
      }
      records.set(record.id, record);
    },
    remove(id) {
      const record = records.get(id);
      if (record === undefined) return undefined;
      for (const index of indexes.values()) removeKey(index, keyOf(index, record), id);
      records.delete(id);
      return record;
    },
  };
}
