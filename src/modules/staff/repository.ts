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
