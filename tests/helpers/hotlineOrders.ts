// What the ledger import tests share around the 12345 orders ledger (`hotline-orders`, chunked, keyed by
// 工单编号): the ledger with an importing actor's context in the demo's tenant, the departments an order's
// 承办单位 names, a file of generated orders, and a table's row count.
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { type Ctx, systemActor } from '../../src/core/context.js';
import type { LedgerDef } from '../../src/core/ledger/ledger.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { testSystem } from './system.js';

/** The orders ledger of a seeded system, as an import test uses it. */
export interface OrdersLedger {
  /** The system actor's context in the tenant, named as the importer. */
  ctx: Ctx;
  def: LedgerDef<unknown>;
  /** The tenant's department names, in order. */
  units: string[];
}

/** The orders ledger of the demo system `sys` (its one tenant). */
export async function ordersLedger(sys: System): Promise<OrdersLedger> {
  const tenantId = (await listTenants(sys.db))[0]!.id;
  const orgs = await sys.db.selectFrom('org').select(['name']).where('tenant_id', '=', tenantId).where('kind', '=', 'department').orderBy('name').execute();
  return {
    ctx: sys.ctx(systemActor(tenantId, '导入测试')),
    def: sys.registry.ledgers.get('hotline-orders')!,
    units: orgs.map((o) => o.name),
  };
}

/**
 * A file's preamble in one call: the demo system with its orders ledger, opened before the file's tests and
 * closed after (read its fields inside tests and hooks: they are set in `beforeAll`).
 */
export function ordersImportSuite(): OrdersLedger & { sys: System } {
  const suite = {} as OrdersLedger & { sys: System };
  beforeAll(async () => {
    suite.sys = await testSystem('demo');
    Object.assign(suite, await ordersLedger(suite.sys));
  });
  afterAll(() => suite.sys?.close());
  return suite;
}

const HEADER = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';

/**
 * A CSV of `n` orders (data rows are file rows 2…n+1), named after `tag`: order `i` is numbered `key(i)`, taken
 * by the departments in turn, every third closed late (a finding); `open(i)`: still open (no close, reply nor
 * satisfaction); `edit` may change a row's cells.
 */
export function ordersFile(
  units: readonly string[],
  o: { n: number; tag: string; key: (i: number) => string; open?: (i: number) => boolean; edit?: (i: number, cells: string[]) => void },
): { data: Buffer; filename: string } {
  const lines = [HEADER];
  for (let i = 0; i < o.n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const open = o.open?.(i) ?? false;
    const closed = i % 3 === 0 ? `2023-04-${day} 10:00` : `2023-03-${day} 16:00`;
    const cells = [
      o.key(i),
      `2023-03-${day} 09:00`,
      '投诉',
      `第${i}号诉求`,
      units[i % units.length]!,
      '5',
      open ? '' : closed,
      open ? '' : closed,
      open ? '' : '满意',
    ];
    o.edit?.(i, cells);
    lines.push(cells.join(','));
  }
  return { data: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), filename: `工单-${o.tag}.csv` };
}

/** The rows of a table (across tenants). */
export const rowCount = async (sys: System, table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(sys.db)).rows[0]!.n);
