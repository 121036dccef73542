import { describe, expect, it } from 'vitest';
import { createMemoryResourceStore } from '../../../src/stores/memory/index.js';
import type { NewResource } from '../../../src/stores/types.js';
import { buildCondition, createTestContext } from '../../../src/testing/index.js';

const ctx = createTestContext();

function device(id: string, serialNumber: string, label = 'laptop'): NewResource {
  return {
    schemas: ['urn:example:Device'],
    id,
    serialNumber,
    label,
    meta: {
      resourceType: 'Device',
      created: '2024-01-01T00:00:00Z',
      lastModified: '2024-01-01T00:00:00Z',
      version: 'v1',
    },
  };
}

describe('createMemoryResourceStore', () => {
  it('rejects a taken unique value in another case with 409 uniqueness', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber' }] });
    await store.create(ctx, device('d1', 'ABC-1'));
    await expect(store.create(ctx, device('d2', 'abc-1'))).rejects.toMatchObject({
      status: 409,
      scimType: 'uniqueness',
    });
  });

  it('tells case variants apart for a caseExact unique attribute', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber', caseExact: true }] });
    await store.create(ctx, device('d1', 'ABC-1'));
    await expect(store.create(ctx, device('d2', 'abc-1'))).resolves.toMatchObject({ id: 'd2' });
  });

  it('rejects a replace that takes a unique value and keeps the resource', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber' }] });
    await store.create(ctx, device('d1', 'A'));
    const second = await store.create(ctx, device('d2', 'B'));
    const condition = buildCondition(second);
    await expect(store.replace(ctx, { ...second, serialNumber: 'a' }, condition)).rejects.toMatchObject({
      status: 409,
    });
    expect(await store.get(ctx, 'd2')).toMatchObject({ serialNumber: 'B', meta: { version: 'v1' } });
  });

  it('looks a unique attribute up with the index and checks the candidates with matches', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber' }] });
    for (let i = 0; i < 100; i++) await store.create(ctx, device(`d${i}`, `SN-${i}`));
    const seen: unknown[] = [];
    const page = await store.query(ctx, {
      filter: {
        op: 'eq',
        attribute: {
          schema: 'urn:example:Device',
          names: ['serialNumber'],
          path: 'serialNumber',
          extension: false,
          definition: {
            name: 'serialNumber',
            type: 'string',
            multiValued: false,
            required: false,
            caseExact: false,
            mutability: 'readWrite',
            returned: 'default',
            uniqueness: 'server',
          },
        },
        value: 'sn-42',
      },
      matches: (resource) => {
        seen.push(resource['id']);
        return String(resource['serialNumber']).toLowerCase() === 'sn-42';
      },
      startIndex: 1,
      count: 10,
    });
    expect(page.resources.map((resource) => resource.id)).toEqual(['d42']);
    expect(seen).toEqual(['d42']);
  });

  it('keeps tenants apart', async () => {
    const store = createMemoryResourceStore({ unique: [{ name: 'serialNumber' }] });
    await store.create(ctx, device('d1', 'A'));
    const other = createTestContext({ tenant: 'other' });
    await expect(store.create(other, device('d1', 'A'))).resolves.toBeDefined();
    expect(await store.delete(other, 'd1')).toBe(true);
    expect(await store.get(ctx, 'd1')).toBeDefined();
  });

  it('honours ifVersion on replace and delete', async () => {
    const store = createMemoryResourceStore();
    const created = await store.create(ctx, device('d1', 'A'));
    expect(await store.replace(ctx, created, buildCondition('stale'))).toBeUndefined();
    expect(await store.delete(ctx, 'd1', 'stale')).toBe(false);
    const condition = buildCondition(created);
    expect(await store.replace(ctx, { ...created, label: 'desktop' }, condition)).toMatchObject({
      label: 'desktop',
      meta: { version: condition.version, created: created.meta.created },
    });
    expect(await store.delete(ctx, 'd1', condition.version)).toBe(true);
  });

  it('skips the attributes a read hint omits', async () => {
    const store = createMemoryResourceStore();
    await store.create(ctx, device('d1', 'A'));
    expect(await store.get(ctx, 'd1', { omit: new Set(['label']) })).not.toHaveProperty('label');
  });
});
