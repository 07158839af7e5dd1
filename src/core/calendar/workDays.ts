/**
 * The working-day calendar as a table (`work_day`, 0007_work_day.sql), so that a metric compares
 * dates in working days set-based in SQL: the working days after `a` up to and including `b` are
 * `ord(b) - ord(a)` — the same count as `WorkCalendar.workdaysBetween(a, b)`, from the same calendar
 * (chinese-days, the statutory holidays of unannounced years, the admin's overrides).
 *
 * The table is filled from a calendar and keeps the fingerprint of what it was filled from (the
 * rules' data and the calendar's overrides — not its 26,000 days, so the check at start is cheap);
 * filling it again with the same calendar reads one row and writes nothing. The calendar service fills it
 * at start and when an override changes; a metric ensures it for the calendar it was given (once per
 * database and calendar in a process), so SQL and the rules never disagree.
 */
import crypto from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AnySelect, KernelDB } from '../db/types.js';
import { addDays, CD_HOLIDAYS, CD_WORKDAYS, daysBetween, type IsoDate, type WorkCalendar } from './calendar.js';
import { STATUTORY_FROM_YEAR, STATUTORY_HOLIDAYS } from './statutory.js';

/** The span the table covers: records outside it have no working-day figure (NULL in SQL). */
export const WORK_DAY_SPAN = { from: '1990-01-01', to: '2060-12-31' } as const;

/** The calendar's working days over the span as a string of '1' (working day) and '0', day by day. */
export function workDayFlags(cal: WorkCalendar): string {
  const n = daysBetween(WORK_DAY_SPAN.from, WORK_DAY_SPAN.to) + 1;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = cal.isWorkday(addDays(WORK_DAY_SPAN.from, i)) ? '1' : '0';
  return out.join('');
}

/**
 * The version of the day rules' code (chinese-days' data and the statutory rules table are hashed in);
 * bump it when the calendar's logic changes so that every database refills its table.
 */
const RULES_VERSION = 'work_day/v2';
let dataHash: string | undefined;

/**
 * What the table holds for a calendar, without computing its days: the span, the rules' version, the
 * data the code reads (chinese-days, the statutory holidays table) and the calendar's own identity.
 */
export function workDayFingerprint(cal: WorkCalendar): string {
  dataHash ??= crypto
    .createHash('sha256')
    .update(JSON.stringify([RULES_VERSION, WORK_DAY_SPAN, CD_HOLIDAYS, CD_WORKDAYS, STATUTORY_HOLIDAYS, STATUTORY_FROM_YEAR]))
    .digest('hex');
  return `${dataHash}:${crypto.createHash('sha256').update(cal.identity).digest('hex')}`;
}

/**
 * Makes `work_day` hold `cal`'s working days. Returns whether it had to write. In a transaction
 * the table is locked first, so two processes starting at once fill it once.
 */
export async function syncWorkDays(db: Kysely<KernelDB>, cal: WorkCalendar): Promise<boolean> {
  const fingerprint = workDayFingerprint(cal);
  const current = async (q: Kysely<KernelDB>) => (await q.selectFrom('work_day_state').select('fingerprint').executeTakeFirst())?.fingerprint;
  if ((await current(db)) === fingerprint) return false;
  const fill = async (tx: Kysely<KernelDB>) => {
    await sql`LOCK TABLE work_day, work_day_state IN EXCLUSIVE MODE`.execute(tx);
    if ((await current(tx)) === fingerprint) return false;
    const flags = workDayFlags(cal);
    await tx.deleteFrom('work_day').execute();
    // string_to_array(text, NULL) splits the flags into characters, numbered from 1.
    await sql`INSERT INTO work_day (day, workday, ord)
      SELECT ${WORK_DAY_SPAN.from}::date + (i::int - 1), f = '1', sum(f::int) OVER (ORDER BY i)
      FROM unnest(string_to_array(${flags}::text, NULL)) WITH ORDINALITY AS t(f, i)`.execute(tx);
    await tx
      .insertInto('work_day_state')
      .values({ fingerprint })
      .onConflict((oc) => oc.column('id').doUpdateSet({ fingerprint, filled_at: new Date() }))
      .execute();
    return true;
  };
  return db.isTransaction ? fill(db) : db.transaction().execute(fill);
}

const ensured = new WeakMap<object, WeakMap<WorkCalendar, Promise<boolean>>>();

/**
 * `syncWorkDays` once per database handle and calendar in this process (a metric calls it before its
 * SQL; the first call per calendar checks the fingerprint, later calls cost nothing).
 */
export function ensureWorkDays(db: Kysely<KernelDB>, cal: WorkCalendar): Promise<boolean> {
  const byCal = ensured.get(db) ?? new WeakMap<WorkCalendar, Promise<boolean>>();
  ensured.set(db, byCal);
  let p = byCal.get(cal);
  if (!p) {
    p = syncWorkDays(db, cal);
    byCal.set(cal, p);
    p.catch(() => byCal.delete(cal));
  }
  return p;
}

/**
 * Working days after the date `from` up to and including the date `to` (0 when `to <= from`), in SQL:
 * `WorkCalendar.workdaysBetween` for two date expressions. NULL when either is NULL or outside the span.
 */
export function workdaysBetweenSql(from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(SELECT greatest(0, b.ord - a.ord) FROM work_day a, work_day b WHERE a.day = ${from} AND b.day = ${to})`;
}

/** A date literal for SQL. */
export const dateSql = (d: IsoDate) => sql`${d}::date`;

/**
 * Joins the working-day row of a date expression as `alias` (a left join: no row outside the span),
 * for counting working days over many records with `ordDiffSql` — a hash join with the small table
 * instead of two look-ups a record.
 */
export function joinWorkDay(alias: string, date: RawBuilder<unknown>) {
  return <T extends AnySelect>(qb: T): T => qb.leftJoin(`work_day as ${alias}`, (j) => j.on(sql.ref(`${alias}.day`), '=', date)) as T;
}

/** Working days after the day joined as `from` up to and including the day joined as `to`; NULL outside the span. */
export function ordDiffSql(from: string, to: string): RawBuilder<number> {
  const d = sql`${sql.ref(`${to}.ord`)} - ${sql.ref(`${from}.ord`)}`;
  return sql<number>`(CASE WHEN ${d} < 0 THEN 0 ELSE ${d} END)`;
}
