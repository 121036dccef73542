import { describe, expect, it } from 'vitest';
import { SEARCH_REQUEST } from '../../../src/core/schema/definitions/schema-uris.js';
import { errorEnvelope, setup } from '../service/harness.js';

async function seeded() {
  const harness = setup();
  const alice = await harness.createUser('alice', { displayName: 'Alice' });
  await harness.createUser('bob', { displayName: 'Bob' });
  await harness.createGroup('Admins', [alice.body.id]);
  return harness;
}

describe('POST /.search (RFC 7644 §3.4.3)', () => {
  it('searches one resource type with a SearchRequest body', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/Users/.search', {
      body: {
        schemas: [SEARCH_REQUEST],
        filter: 'userName sw "a"',
        attributes: ['userName', 'displayName'],
        startIndex: 1,
        count: 10,
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.totalResults).toBe(1);
    expect(Object.keys(response.body.Resources[0]).sort()).toEqual([
      'displayName',
      'id',
      'schemas',
      'userName',
    ]);
  });

  it('sorts and excludes attributes', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/Users/.search', {
      body: {
        schemas: [SEARCH_REQUEST],
        sortBy: 'userName',
        sortOrder: 'descending',
        excludedAttributes: ['displayName'],
      },
    });
    expect(response.body.Resources.map((user: { userName: string }) => user.userName)).toEqual([
      'bob',
      'alice',
    ]);
    expect(response.body.Resources[0].displayName).toBeUndefined();
  });

  it('searches every resource type from the root', async () => {
    const { call } = await seeded();
    const all = await call('POST', '/.search', { body: { schemas: [SEARCH_REQUEST] } });
    expect(all.body.totalResults).toBe(3);
    const named = await call('POST', '/.search', {
      body: { schemas: [SEARCH_REQUEST], filter: 'displayName sw "A"' },
    });
    expect(named.body.Resources.map((r: { displayName: string }) => r.displayName).sort()).toEqual([
      'Admins',
      'Alice',
    ]);
  });

  it('leaves out types that lack the filtered attribute on the root', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/.search', {
      body: { schemas: [SEARCH_REQUEST], filter: 'userName eq "bob"' },
    });
    expect(response.body.totalResults).toBe(1);
  });

  it('pages across types on the root', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/.search', {
      body: { schemas: [SEARCH_REQUEST], startIndex: 2, count: 2 },
    });
    expect(response.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 2 });
    expect(response.body.Resources[1].meta.resourceType).toBe('Group');
  });

  it('sorts across types on the root', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/.search', {
      body: { schemas: [SEARCH_REQUEST], sortBy: 'displayName', sortOrder: 'descending' },
    });
    expect(response.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual([
      'Bob',
      'Alice',
      'Admins',
    ]);
  });

  it('answers a body without the SearchRequest schema with 400 invalidSyntax', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/Users/.search', { body: { filter: 'userName eq "a"' } });
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidSyntax'));
  });

  it('answers attributes that are not strings with 400 invalidValue', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/Users/.search', {
      body: { schemas: [SEARCH_REQUEST], attributes: [1] },
    });
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidValue'));
  });

  it('answers a filter no type understands with 400 invalidFilter', async () => {
    const { call } = await seeded();
    const response = await call('POST', '/.search', {
      body: { schemas: [SEARCH_REQUEST], filter: 'shoeSize eq 1' },
    });
    expect(response.body).toMatchObject(errorEnvelope(400, 'invalidFilter'));
  });
});
