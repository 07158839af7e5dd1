/**
 * The benches' 12345 orders (`npm run bench -- metrics`, `npm run bench -- load`): N orders of a year for the
 * bureau's units, generated in the database by one INSERT … SELECT over generate_series — received dates over
 * the year, handling limits of 5/10/15 working days, 95 % closed, due dates on the working-day table, replies
 * and satisfaction. The caller ANALYZEs (or VACUUMs) as its measurement needs.
 */
import { type Kysely, sql } from 'kysely';
import type { KernelDB } from '../src/core/db/types.js';

export async function generateHotlineOrders(db: Kysely<KernelDB>, o: { tenantId: string; rows: number; year: number; refPrefix?: string }): Promise<void> {
  const { tenantId, rows } = o;
  const prefix = o.refPrefix ?? 'BENCH-';
  const YEAR = o.year;
  await sql`
    WITH orgs AS (SELECT array_agg(id ORDER BY name) AS ids FROM org WHERE tenant_id = ${tenantId} AND kind IN ('department', 'street')),
    -- The bureau's own clock rule, or (a bureau without orders yet) another bureau's.
    rule AS (SELECT COALESCE((SELECT rule FROM dm_item WHERE tenant_id = ${tenantId} AND kind = 'hotline' LIMIT 1),
                             (SELECT rule FROM dm_item WHERE kind = 'hotline' LIMIT 1)) AS rule),
    g AS (
      SELECT i, (${`${YEAR}-01-02`}::date + (i::bigint * 7919 % 355)::int) AS rcv, 5 + (i % 3) * 5 AS lim, (i::bigint * 104729 % 100)::int AS r
      FROM generate_series(1, ${rows}) AS i
    ),
    d AS (
      -- The due date: the working day whose ord is the 受理 date's plus the limit (a hash join; a
      -- correlated look-up a row scans the table a row without an index on ord).
      SELECT g.*, wdue.day AS due, g.rcv + 1 + (g.i % 14) AS done
      FROM g JOIN work_day wr ON wr.day = g.rcv
      LEFT JOIN work_day wdue ON wdue.ord = wr.ord + g.lim AND wdue.workday
    )
    INSERT INTO dm_item (tenant_id, kind, ref_no, org_id, status, title, demand_type, channel, received_at, clock_start, rule, due_on,
                         closed_at, replied_at, satisfaction)
    SELECT ${tenantId}, 'hotline', ${prefix} || lpad(d.i::text, 8, '0'),
           (SELECT ids[1 + d.i % array_length(ids, 1)] FROM orgs), CASE WHEN d.r < 95 THEN 'closed' ELSE 'handling' END,
           '排水不畅', (ARRAY['投诉', '举报', '求助', '咨询', '建议'])[1 + d.i % 5], '12345热线',
           (d.rcv + time '09:30') AT TIME ZONE 'Asia/Shanghai', d.rcv, (SELECT rule FROM rule), d.due,
           CASE WHEN d.r < 95 THEN (d.done + time '16:00') AT TIME ZONE 'Asia/Shanghai' END,
           CASE WHEN d.r < 90 THEN (d.done + time '15:00') AT TIME ZONE 'Asia/Shanghai' END,
           CASE WHEN d.r < 95 THEN (ARRAY['满意', '基本满意', '不满意', '未评价', '满意'])[1 + d.i % 5] END
    FROM d`.execute(db);
}
