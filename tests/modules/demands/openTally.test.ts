/**
 * 督办总览's open counts kept on write (issue #17 item 2; migrations/0006_open_tally.sql): whatever
 * statement writes dm_item — one row or many, a status, a reply, a closure, a transfer, an extension, a
 * delete — the kept counts equal a count of the open items, key by key; the overview's figures equal the
 * same figures counted on the records; folding keeps them; and on PostgreSQL two writers of the same
 * unit and due date never wait on each other, and a fold leaves an open writer's difference alone.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { demandKindsOf } from '../../../src/modules/demands/kinds.js';
import { foldOpenTally, openCounts } from '../../../src/modules/demands/repository.js';
import { dueSoonUntil } from '../../../src/modules/demands/routes.js';
import { serverSuite } from '../../helpers/server.js';
import { adminUrl } from '../../helpers/paths.js';
import { dbKind } from '../../helpers/system.js';
import { systemActor } from '../../../src/core/context.js';

const env = serverSuite({ leader: 'leader' });

interface KeyCount {
  key: string;
  n: number;
}

/** The kept counts, key by key (the keys summing to 0 left out). */
async function kept(): Promise<KeyCount[]> {
  const r = await sql<KeyCount>`
    SELECT concat_ws('|', tenant_id, kind, org_id, due_on, paused, replied) AS key, sum(n)::int AS n
    FROM dm_open_tally GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1`.execute(env.sys.db);
  return r.rows;
}

/** The same counts from the records. */
async function counted(): Promise<KeyCount[]> {
  const r = await sql<KeyCount>`
    SELECT concat_ws('|', tenant_id, kind, org_id, due_on, status = 'paused', replied_at IS NOT NULL) AS key, count(*)::int AS n
    FROM dm_item WHERE closed_at IS NULL GROUP BY 1 ORDER BY 1`.execute(env.sys.db);
  return r.rows;
}

const expectKeptEqualsCounted = async () => expect(await kept()).toEqual(await counted());

/** Of a demand row: its clock runs (not replied, for the kinds the reply stops), the way the overview defines it. */
function runningOnRecords() {
  const byReply = demandKindsOf(env.sys.registry)
    .filter((k) => k.doneBy === 'reply')
    .map((k) => k.kind);
  return byReply.length ? sql`(kind NOT IN (${sql.join(byReply)}) OR replied_at IS NULL)` : sql`true`;
}

/** The rows of differences not yet folded. */
const differences = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dm_open_tally WHERE xid <> 0`.execute(env.sys.db)).rows[0]!.n);

/** The overview's per-kind figures counted on the records, the way the overview defines them. */
async function overviewFromRecords(today: string) {
  const running = runningOnRecords();
  const soonUntil = dueSoonUntil(env.ctx.calendar, today);
  const r = await sql<{ kind: string; open: number; overdue: number; dueSoon: number; paused: number }>`
    SELECT kind, count(*)::int AS open,
      (count(*) FILTER (WHERE ${running} AND status <> 'paused' AND due_on < ${today}::date))::int AS overdue,
      (count(*) FILTER (WHERE ${running} AND status <> 'paused' AND due_on BETWEEN ${today}::date AND ${soonUntil}::date))::int AS "dueSoon",
      (count(*) FILTER (WHERE ${running} AND status = 'paused'))::int AS paused
    FROM dm_item WHERE closed_at IS NULL AND tenant_id = ${env.tenantId} GROUP BY kind`.execute(env.sys.db);
  return Object.fromEntries(r.rows.map(({ kind, ...f }) => [kind, f]));
}

async function overview() {
  const r = await env.leader.req('GET', '/api/demands/overview');
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return r.body.data as { today: string; byKind: Array<{ kind: string; open: number; overdue: number; dueSoon: number; paused: number }> };
}

async function expectOverviewEqualsRecords() {
  const o = await overview();
  const fromRecords = await overviewFromRecords(o.today);
  for (const k of o.byKind) {
    expect({ kind: k.kind, open: k.open, overdue: k.overdue, dueSoon: k.dueSoon, paused: k.paused }).toEqual({
      kind: k.kind,
      ...(fromRecords[k.kind] ?? { open: 0, overdue: 0, dueSoon: 0, paused: 0 }),
    });
  }
  return o;
}

/** Some open demands of the demo, of any kind (the oldest first). */
async function openOrders(limit: number): Promise<string[]> {
  const r = await sql<{ id: string }>`
    SELECT id FROM dm_item WHERE closed_at IS NULL AND ref_no NOT LIKE 'TALLY-%' ORDER BY received_at, id LIMIT ${limit}`.execute(env.sys.db);
  return r.rows.map((x) => x.id);
}

describe('open counts kept on write', () => {
  it('equal the records on the demo, and the overview equals the figures counted on the records', async () => {
    expect((await kept()).length).toBeGreaterThan(0);
    await expectKeptEqualsCounted();
    const o = await expectOverviewEqualsRecords();
    expect(o.byKind.find((k) => k.kind === 'hotline')!.open).toBeGreaterThan(0);
  });

  it('follow every kind of write: many rows at once, a pause, a reply, a transfer, an extension, a closure, a reopening, a delete', async () => {
    const ids = await openOrders(6);
    expect(ids).toHaveLength(6);
    const [a, b, c, d, e, f] = ids as [string, string, string, string, string, string];
    // 1,200 new open orders over 1,100 due dates, in one statement.
    await sql`
      INSERT INTO dm_item (tenant_id, kind, ref_no, org_id, status, title, content, received_at, clock_start, rule, pauses, extensions, due_on, attrs, created_at, updated_at)
      SELECT s.tenant_id, s.kind, 'TALLY-' || g, s.org_id, 'handling', s.title, s.content, s.received_at, s.clock_start, s.rule, s.pauses, s.extensions,
             DATE '2022-06-01' + (g % 1100), s.attrs, s.created_at, s.updated_at
      FROM dm_item s, generate_series(1, 1200) g WHERE s.id = ${a}`.execute(env.sys.db);
    await expectKeptEqualsCounted();
    await sql`UPDATE dm_item SET status = 'paused' WHERE id IN (${b}, ${c})`.execute(env.sys.db);
    await sql`UPDATE dm_item SET replied_at = now(), status = 'replied' WHERE id = ${d}`.execute(env.sys.db);
    const other = await sql<{ id: string }>`
      SELECT id FROM org WHERE tenant_id = ${env.tenantId} AND id <> (SELECT org_id FROM dm_item WHERE id = ${e}) LIMIT 1`.execute(env.sys.db);
    await sql`UPDATE dm_item SET org_id = ${other.rows[0]!.id}, due_on = due_on + 10 WHERE id = ${e}`.execute(env.sys.db);
    await sql`UPDATE dm_item SET closed_at = now(), status = 'closed' WHERE id = ${f}`.execute(env.sys.db);
    await expectKeptEqualsCounted();
    await sql`UPDATE dm_item SET closed_at = NULL, status = 'handling' WHERE id = ${f}`.execute(env.sys.db);
    await sql`UPDATE dm_item SET content = content || '（补充）' WHERE kind = 'hotline'`.execute(env.sys.db);
    await sql`UPDATE dm_item SET due_on = due_on + 1 WHERE ref_no LIKE 'TALLY-%' AND due_on < DATE '2022-09-01'`.execute(env.sys.db);
    await sql`DELETE FROM dm_item WHERE ref_no LIKE 'TALLY-%' AND due_on > DATE '2023-03-01'`.execute(env.sys.db);
    await expectKeptEqualsCounted();
    await expectOverviewEqualsRecords();
  });

  it('lists the earliest-due overdue and due-soon demands of all kinds, as picked on the records', async () => {
    const o = (await env.leader.req('GET', '/api/demands/overview')).body.data as {
      today: string;
      overdue: Array<{ id: string }>;
      dueSoon: Array<{ id: string }>;
    };
    const ticking = sql`${runningOnRecords()} AND status <> 'paused' AND closed_at IS NULL AND tenant_id = ${env.tenantId}`;
    const pick = async (span: ReturnType<typeof sql>) =>
      (await sql<{ id: string }>`SELECT id FROM dm_item WHERE ${ticking} AND ${span} ORDER BY due_on, received_at, id LIMIT 100`.execute(env.sys.db)).rows.map(
        (r) => r.id,
      );
    const overdue = await pick(sql`due_on < ${o.today}::date`);
    // The 1,200 orders above are overdue: the list is full.
    expect(overdue).toHaveLength(100);
    expect(o.overdue.map((i) => i.id)).toEqual(overdue);
    const soonUntil = dueSoonUntil(env.ctx.calendar, o.today);
    expect(o.dueSoon.map((i) => i.id)).toEqual(await pick(sql`due_on BETWEEN ${o.today}::date AND ${soonUntil}::date`));
  });

  it('a read folds the differences once they have grown, and a fold changes no count', async () => {
    // The test above left more than a fold's worth of differences: the overview's read folded them.
    expect(await differences()).toBe(0);
    await sql`UPDATE dm_item SET due_on = due_on + 3 WHERE ref_no LIKE 'TALLY-%' AND due_on < DATE '2022-08-01'`.execute(env.sys.db);
    expect(await differences()).toBeGreaterThan(0);
    const before = await kept();
    await foldOpenTally(env.sys.db, env.tenantId);
    expect(await differences()).toBe(0);
    expect(await kept()).toEqual(before);
    // A key whose demands all went leaves no row behind once folded.
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM dm_open_tally WHERE n = 0`.execute(env.sys.db)).rows[0]!.n)).toBe(0);
    await expectKeptEqualsCounted();
    await expectOverviewEqualsRecords();
  });

  it('counts a street user only its own street', async () => {
    const street = await sql<{ org_id: string }>`SELECT org_id FROM app_user WHERE username = 'wushan'`.execute(env.sys.db);
    const orgId = street.rows[0]!.org_id;
    // One of the street's orders still open, and the street's actor.
    const [id] = await openOrders(1);
    await sql`UPDATE dm_item SET org_id = ${orgId} WHERE id = ${id!}`.execute(env.sys.db);
    const ctx = env.sys.ctx({ ...systemActor(env.tenantId), scope: { all: false, orgIds: [orgId] } });
    const today = '2023-01-01';
    const counts = await openCounts(ctx, demandKindsOf(env.sys.registry), { today, soonUntil: dueSoonUntil(ctx.calendar, today) });
    expect(counts.length).toBeGreaterThan(0);
    expect(new Set(counts.map((c) => c.org_id))).toEqual(new Set([orgId]));
    const own = await sql<{ n: number }>`SELECT count(*)::int AS n FROM dm_item WHERE closed_at IS NULL AND org_id = ${orgId}`.execute(env.sys.db);
    expect(counts.reduce((n, c) => n + c.open, 0)).toBe(own.rows[0]!.n);
  });
});

describe.runIf(dbKind === 'postgres')('open counts with writers side by side (PostgreSQL)', () => {
  it('two writers of the same unit and due date do not wait on each other; a fold leaves an open writer alone', async () => {
    const url = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(env.sys.db)).rows[0]!.db;
    const one = new pg.Client({ connectionString: adminUrl(url) });
    const two = new pg.Client({ connectionString: adminUrl(url) });
    await one.connect();
    await two.connect();
    try {
      const [x, y] = (await openOrders(2)) as [string, string];
      // Both in the same unit, due the same day, not paused, not replied: the same key.
      await sql`UPDATE dm_item SET due_on = DATE '2024-01-10', org_id = (SELECT org_id FROM dm_item WHERE id = ${x}), status = 'handling', replied_at = NULL WHERE id IN (${x}, ${y})`.execute(
        env.sys.db,
      );
      await one.query('BEGIN');
      await one.query(`UPDATE dm_item SET closed_at = now(), status = 'closed' WHERE id = $1`, [x]);
      // The first writer holds its transaction open; the second closes its own order of the same key and commits.
      await two.query('SET statement_timeout = 5000');
      await two.query(`UPDATE dm_item SET closed_at = now(), status = 'closed' WHERE id = $1`, [y]);
      // A fold now sees the second writer's difference only.
      await foldOpenTally(env.sys.db, env.tenantId);
      const open = await one.query<{ n: string }>(`SELECT count(*) AS n FROM dm_open_tally WHERE xid = txid_current()`);
      expect(Number(open.rows[0]!.n)).toBe(1);
      await one.query('COMMIT');
      await expectKeptEqualsCounted();
      await foldOpenTally(env.sys.db, env.tenantId);
      expect(await differences()).toBe(0);
      await expectKeptEqualsCounted();
    } finally {
      await one.end();
      await two.end();
    }
  });
});
