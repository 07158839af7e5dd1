/**
 * The register kit's list queries (core/lists.ts `listQueries`), on a table of its own: a page and the
 * count agree, the chosen sort orders by its column (empty values last) then the tie-breaker, the list's
 * own order serves when none is chosen, and the pickers' list is capped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/core/db/connect.js';
import type { KernelDB } from '../../src/core/db/types.js';
import { LIST_PICKER_CAP, type ListSort, listQueries } from '../../src/core/lists.js';
import { cloneDatabase } from '../helpers/system.js';

type Tables = { lq_item: { id: string; grp: string; name: string; n: number | null } };
type Item = Tables['lq_item'];

const ROWS = LIST_PICKER_CAP + 10;
const SORTABLE = { name: { column: 'name', label: '名称' }, n: { column: 'n', label: '数量' } } as const;

const items = listQueries({
  filtered: (db: Kysely<KernelDB>, f: { grp?: string; sort?: ListSort<keyof typeof SORTABLE> }) =>
    db
      .withTables<Tables>()
      .selectFrom('lq_item')
      .selectAll()
      .$if(!!f.grp, (q) => q.where('grp', '=', f.grp!)),
  sortable: SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('name', 'desc').orderBy('id'),
});

let database: Database;
let db: Kysely<KernelDB>;
let all: Item[];

/** JS's order of the rows: by one column (nulls last either way), then by id. */
function sorted(rows: Item[], col: 'name' | 'n', desc: boolean): Item[] {
  return [...rows].sort((a, b) => {
    const x = a[col];
    const y = b[col];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

beforeAll(async () => {
  database = await cloneDatabase('empty');
  db = database.db;
  await sql`CREATE TABLE lq_item (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), grp text NOT NULL, name text NOT NULL, n integer)`.execute(db);
  // Many ties on name and n (the tie-breaker decides), every seventh n empty.
  await sql`INSERT INTO lq_item (grp, name, n)
    SELECT CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END, 'n' || lpad((i % 50)::text, 2, '0'), CASE WHEN i % 7 = 0 THEN NULL ELSE i % 100 END
    FROM generate_series(1, ${ROWS}) AS i`.execute(db);
  all = await db.withTables<Tables>().selectFrom('lq_item').selectAll().execute();
});
afterAll(() => database?.close());

describe('listQueries', () => {
  it('a page and the count agree with the filtered rows', async () => {
    const inA = all.filter((r) => r.grp === 'a').length;
    expect(await items.count(db, { grp: 'a' })).toBe(inA);
    expect(await items.count(db, {})).toBe(ROWS);
    const last = await items.page(db, { grp: 'a', limit: 50, offset: inA - 20 });
    expect(last.total).toBe(inA);
    expect(last.rows).toHaveLength(20);
    expect(last.rows.every((r) => r.grp === 'a')).toBe(true);
    expect((await items.page(db, { grp: 'a', limit: 50, offset: inA })).rows).toHaveLength(0);
  });

  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['n', 'asc'],
    ['n', 'desc'],
  ] as const)('sorted on %s %s: its column (empty values last), then the tie-breaker; pages walk the same order', async (column, order) => {
    const sort = { column, order } as const;
    const want = sorted(all, column, order === 'desc').map((r) => r.id);
    expect((await items.rows(db, { sort })).map((r) => r.id)).toEqual(want);
    const walked: string[] = [];
    for (let offset = 0; offset < ROWS; offset += 300) walked.push(...(await items.page(db, { sort, limit: 300, offset })).rows.map((r) => r.id));
    expect(walked).toEqual(want);
  });

  it("without a sort, the list's own order", async () => {
    const want = sorted(all, 'name', true).map((r) => r.id);
    expect((await items.rows(db, {})).map((r) => r.id)).toEqual(want);
    expect((await items.page(db, { limit: 10, offset: 5 })).rows.map((r) => r.id)).toEqual(want.slice(5, 15));
  });

  it('rows: all or the first `limit`; list (the pickers): at most LIST_PICKER_CAP', async () => {
    expect(await items.rows(db, {})).toHaveLength(ROWS);
    expect((await items.rows(db, {}, 3)).map((r) => r.id)).toEqual(
      sorted(all, 'name', true)
        .slice(0, 3)
        .map((r) => r.id),
    );
    expect(await items.list(db, {})).toHaveLength(LIST_PICKER_CAP);
    expect(await items.list(db, {}, 10)).toHaveLength(10);
    expect(await items.list(db, {}, LIST_PICKER_CAP * 2)).toHaveLength(LIST_PICKER_CAP);
  });
});
