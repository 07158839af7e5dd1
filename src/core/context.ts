import type { Kysely } from 'kysely';
import type { KernelDB } from './db/types.js';
import type { DataScope, RoleKey } from './auth/roles.js';
import { isoDateInShanghai, type WorkCalendar } from './calendar/calendar.js';

/** Who is acting: a signed-in user, or the system (CLI, demo loader, jobs). */
export interface Actor {
  tenantId: string;
  userId: string | null;
  name: string;
  orgId: string | null;
  roles: readonly RoleKey[];
  scope: DataScope;
  permissions: ReadonlySet<string>;
}

/** The time as the system sees it: the instant, and the bureau's business date (Beijing). */
export interface Clock {
  now(): Date;
  /** The business date `YYYY-MM-DD` in Asia/Shanghai. */
  today(): string;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date(), today: () => isoDateInShanghai(new Date()) };

/** A clock stopped at an instant (tests, replays): `fixedClock('2022-06-20')` is that day at noon, Beijing. */
export function fixedClock(at: Date | string): Clock {
  const d = typeof at === 'string' ? new Date(at.length === 10 ? `${at}T12:00:00+08:00` : at) : at;
  if (Number.isNaN(d.getTime())) throw new Error(`fixedClock: invalid instant ${String(at)}`);
  return { now: () => new Date(d), today: () => isoDateInShanghai(d) };
}

/**
 * What every command, ledger, metric and demo loader receives: the database (or the
 * transaction), who is acting (and so the tenant), the working-day calendar with the
 * admin's overrides, and the clock. Make one with `sys.ctx(actor)` (or `ctxOf(req)` in a
 * route); inside a transaction `{ ...ctx, db: tx }`.
 */
export interface Ctx {
  db: Kysely<KernelDB>;
  /**
   * The replica for reads that tolerate replication lag (DATABASE_READ_URL), when there is one.
   * Read it through `lagTolerantDb(ctx)`, never directly: inside a transaction the answer is the transaction.
   */
  readDb?: Kysely<KernelDB>;
  actor: Actor;
  calendar: WorkCalendar;
  clock: Clock;
  requestId?: string;
}

/**
 * Where a read that tolerates replication lag goes: the figures of the metric registry and their
 * drill-downs, the report composer, the dashboard, ledger exports. The replica when the system has
 * one (DATABASE_READ_URL) — unless the context is inside a transaction (`{ ...ctx, db: tx }`), whose
 * reads must see its own writes: then the transaction. Everything else reads `ctx.db`, the primary,
 * so a page read right after a save sees the save.
 */
export function lagTolerantDb(ctx: Pick<Ctx, 'db' | 'readDb'>): Kysely<KernelDB> {
  return ctx.readDb && !ctx.db.isTransaction ? ctx.readDb : ctx.db;
}

/** The system actor, used by the CLI, imports run from the command line and the demo loader. */
export function systemActor(tenantId: string, name = '系统', permissions: ReadonlySet<string> = ALL): Actor {
  return { tenantId, userId: null, name, orgId: null, roles: ['admin'], scope: { all: true }, permissions };
}

/** A permission set that holds every permission (system actor). */
export const ALL: ReadonlySet<string> = new (class extends Set<string> {
  override has() {
    return true;
  }
})();
