import { type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import type { AnyRow } from '../../core/persist.js';
import { withDataScope } from '../../core/scope.js';
import type { StaffTables } from './schema.js';

export type StaffTable = keyof StaffTables;
const t = (db: Kysely<KernelDB>) => db.withTables<StaffTables>();

/** The date column a record belongs to a year by (the duty list has a year). */
const DATE_COL: Record<StaffTable, string | null> = {
  staff_study_session: 'date',
  staff_exam_result: 'date',
  staff_training: 'date',
  staff_pufa_duty: null,
  staff_pufa_activity: 'date',
};

/** Records of a table in the actor's scope, optionally of one year, newest first. */
export function listRecords(ctx: Ctx, table: StaffTable, f: { year?: number; audience?: string; exam?: string }) {
  let q = t(ctx.db)
    .selectFrom(table as 'staff_training')
    .selectAll()
    .$call(withDataScope(ctx.actor));
  const col = DATE_COL[table];
  if (f.year) q = col ? q.where(col as 'date', '>=', `${f.year}-01-01`).where(col as 'date', '<=', `${f.year}-12-31`) : q.where(sql.ref('year'), '=', f.year);
  if (f.audience && table === 'staff_training') q = q.where('audience', '=', f.audience as StaffTables['staff_training']['audience']);
  if (f.exam && table === 'staff_exam_result') q = q.where(sql.ref('exam'), '=', f.exam);
  return q
    .orderBy((col ?? 'year') as 'date', 'desc')
    .orderBy('id')
    .limit(2000)
    .execute() as Promise<AnyRow[]>;
}

export function getRecord(db: Kysely<KernelDB>, ctx: Ctx, table: StaffTable, id: string) {
  return t(db)
    .selectFrom(table as 'staff_training')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .where('id', '=', id)
    .executeTakeFirst() as Promise<AnyRow | undefined>;
}

/** Rows of a table by id, locked for the write that changes them (an import's or a form's). */
export function recordsForUpdate(db: Kysely<KernelDB>, tenantId: string, table: StaffTable, ids: readonly string[]) {
  return t(db)
    .selectFrom(table as 'staff_training')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = ANY(${sql.val(ids)}::uuid[])`)
    .forUpdate()
    .execute() as Promise<AnyRow[]>;
}

/** Rows of a table on the given dates (an import matches its rows to them). */
export function recordsOnDates(db: Kysely<KernelDB>, tenantId: string, table: StaffTable, dates: readonly string[]) {
  return t(db)
    .selectFrom(table as 'staff_training')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`date = ANY(${sql.val(dates)}::date[])`)
    .execute() as Promise<AnyRow[]>;
}

/** The results (exam, date, person) recorded in the named exams. */
export function examResultsOf(db: Kysely<KernelDB>, tenantId: string, exams: readonly string[]) {
  return t(db)
    .selectFrom('staff_exam_result')
    .select(['exam', 'date', 'person'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`exam = ANY(${sql.val(exams)}::text[])`)
    .execute();
}

/** Which of the given ids name a 普法责任 of the tenant. */
export async function existingDutyIds(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) {
  const rows = await t(db)
    .selectFrom('staff_pufa_duty')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`id = ANY(${sql.val(ids)}::uuid[])`)
    .execute();
  return rows.map((r) => r.id);
}
