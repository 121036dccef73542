import type { CompareNode, FilterNode } from '../../core/filter/ast.js';
import { compileFilter } from '../../core/filter/compile.js';
import { sortResources } from '../../core/resources/sort.js';
import type { Page, ReadHint, ResourceQuery, StoredResource } from '../types.js';
import type { ResourceTable } from './resource-table.js';

/** What {@link queryTable} reads: one tenant's table and how its records are seen and copied. */
export interface QuerySource {
  /** The tenant's records of one type. */
  readonly table: ResourceTable;
  /** Top-level attributes computed on read (`groups`, `members`), not held by the records. */
  readonly computed: ReadonlySet<string>;
  /** The record with its computed attributes, for filters and sorts that name them. Not a copy. */
  withComputed(record: StoredResource): StoredResource;
  /** The copy a caller receives. */
  render(record: StoredResource, hint: ReadHint | undefined): StoredResource;
}

/**
 * Answers a query in memory: an index lookup when the filter allows one, a scan with
 * `query.matches` otherwise, then the sort and the page. `totalResults` counts every match.
 * Records are passed to `matches` and the sort as they are stored (no copy per record): both
 * only read them.
 */
export function queryTable(source: QuerySource, query: ResourceQuery): Page<StoredResource> {
  const { table } = source;
  // The core always sends `matches` with `filter`; a host calling the store directly may not.
  const matches = query.matches ?? (query.filter === undefined ? undefined : compileFilter(query.filter));
  const filterNeedsComputed =
    matches !== undefined && (query.filter === undefined || namesComputed(query.filter, source.computed));
  const sortNeedsComputed =
    query.sort !== undefined && source.computed.has(query.sort.path.split('.')[0] ?? '');

  const start = Math.max(query.startIndex, 1) - 1;
  const end = start + Math.max(query.count, 0);

  if (matches === undefined && query.sort === undefined) {
    return {
      totalResults: table.size,
      resources: pageOf(table.values(), start, end, source, query.attributes),
    };
  }

  const ids = query.filter === undefined ? undefined : candidates(table, query.filter);
  const matched: StoredResource[] = [];
  const consider = (record: StoredResource): void => {
    if (matches !== undefined && !matches(filterNeedsComputed ? source.withComputed(record) : record)) return;
    matched.push(record);
  };
  if (ids === undefined) {
    for (const record of table.values()) consider(record);
  } else {
    for (const id of ids) {
      const record = table.get(id);
      if (record !== undefined) consider(record);
    }
  }

  let ordered = matched;
  if (query.sort !== undefined) {
    // sortResources extracts each sort key once (not once per comparison) and is stable.
    ordered = sortNeedsComputed
      ? sortResources(matched.map(source.withComputed), query.sort).map((view) => table.get(view.id) ?? view)
      : sortResources(matched, query.sort);
  }
  return {
    totalResults: ordered.length,
    resources: ordered.slice(start, end).map((record) => source.render(record, query.attributes)),
  };
}

function pageOf(
  records: Iterable<StoredResource>,
  start: number,
  end: number,
  source: QuerySource,
  hint: ReadHint | undefined,
): StoredResource[] {
  const out: StoredResource[] = [];
  if (end <= start) return out;
  let index = 0;
  for (const record of records) {
    if (index >= end) break;
    if (index >= start) out.push(source.render(record, hint));
    index++;
  }
  return out;
}

/**
 * The ids an index yields for the filter, a superset of the matches, or `undefined` when no index
 * applies and the table must be scanned. `a and b` takes the smallest indexed term; `a or b` the
 * union when every term is indexed. Callers still check each candidate with `matches`.
 */
function candidates(table: ResourceTable, node: FilterNode): ReadonlySet<string> | undefined {
  switch (node.op) {
    case 'eq':
      return lookup(table, node);
    case 'and': {
      let best: ReadonlySet<string> | undefined;
      for (const term of node.filters) {
        const ids = candidates(table, term);
        if (ids !== undefined && (best === undefined || ids.size < best.size)) best = ids;
      }
      return best;
    }
    case 'or': {
      const union = new Set<string>();
      for (const term of node.filters) {
        const ids = candidates(table, term);
        if (ids === undefined) return undefined;
        for (const id of ids) union.add(id);
      }
      return union;
    }
    default:
      return undefined;
  }
}

function lookup(table: ResourceTable, node: CompareNode): ReadonlySet<string> | undefined {
  const { attribute, value } = node;
  const name = attribute.names[0];
  if (attribute.extension || attribute.names.length !== 1 || name === undefined) return undefined;
  if (typeof value !== 'string') return undefined;
  if (name === 'id') {
    if (!attribute.definition.caseExact) return undefined;
    return new Set(table.get(value) === undefined ? [] : [value]);
  }
  const index = table.index(name);
  // A case-sensitive index cannot answer a case-insensitive comparison; the reverse yields a
  // superset, which `matches` narrows.
  if (index === undefined || (index.caseExact && !attribute.definition.caseExact)) return undefined;
  return table.lookup(name, value);
}

/** True when the filter names one of the computed attributes anywhere. */
function namesComputed(node: FilterNode, computed: ReadonlySet<string>): boolean {
  switch (node.op) {
    case 'and':
    case 'or':
      return node.filters.some((term) => namesComputed(term, computed));
    case 'not':
      return namesComputed(node.filter, computed);
    default:
      return !node.attribute.extension && computed.has(node.attribute.names[0] ?? '');
  }
}
