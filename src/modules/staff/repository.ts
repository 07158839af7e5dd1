import { type Kysely, sql } from 'kysely';
import type { AnyDb, KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import type { AnyRow } from '../../core/persist.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
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

/** The filters of a register's list: year, unit, text, and the table's own enum filters. */
export interface StaffFilter {
  year?: number;
  /** 单位 (the unit a record belongs to). */
  orgId?: string;
  /** Text anywhere in the table's {@link STAFF_TEXT} columns, as typed (% and _ are characters). */
  q?: string;
  /** 学法记录: 形式. */
  form?: string;
  /** 培训记录: 对象. */
  audience?: string;
  /** 培训记录: 形式. */
  mode?: string;
  /** 考试成绩: 考试名称, exactly. */
  exam?: string;
  /** A column of the table's {@link STAFF_SORTABLE} and the direction; absent: the newest first. */
  sort?: ListSort;
}

/**
 * The columns each register's list may be sorted on, each served by an index of its table
 * (0001: the dates and the exam's unique key; 0002: the rest).
 */
export const STAFF_SORTABLE = {
  staff_study_session: { date: { column: 'date', label: '日期' }, topic: { column: 'topic', label: '主题' } },
  staff_exam_result: {
    date: { column: 'date', label: '考试日期' },
    exam: { column: 'exam', label: '考试名称' },
    person: { column: 'person', label: '姓名' },
    score: { column: 'score', label: '成绩' },
  },
  staff_training: {
    date: { column: 'date', label: '日期' },
    topic: { column: 'topic', label: '主题' },
    attendees: { column: 'attendees', label: '参加人数' },
  },
  staff_pufa_duty: { year: { column: 'year', label: '年度' }, law: { column: 'law', label: '法律法规' } },
  staff_pufa_activity: { date: { column: 'date', label: '日期' }, title: { column: 'title', label: '活动名称' } },
} as const satisfies Record<StaffTable, SortWhitelist>;

/** The columns a register's text search looks in (the person's name or the record's title first). */
export const STAFF_TEXT: Record<StaffTable, readonly string[]> = {
  staff_study_session: ['topic', 'host'],
  staff_exam_result: ['person', 'exam'],
  staff_training: ['topic', 'speaker', 'venue'],
  staff_pufa_duty: ['law', 'content'],
  staff_pufa_activity: ['title', 'laws', 'place'],
};

/** A table's enum filters: the filter's name → its column (only these tables have them). */
const ENUM_FILTERS: Partial<Record<StaffTable, Partial<Record<'form' | 'audience' | 'mode' | 'exam', string>>>> = {
  staff_study_session: { form: 'form' },
  staff_exam_result: { exam: 'exam' },
  staff_training: { audience: 'audience', mode: 'mode' },
};

/** Records of a table in the actor's scope matching a list's filters (unordered). */
function filteredRecords(ctx: Ctx, table: StaffTable, f: StaffFilter) {
  let q = t(ctx.db)
    .selectFrom(table as 'staff_training')
    .selectAll()
    .$call(withDataScope(ctx.actor));
  const col = DATE_COL[table];
  if (f.year) q = col ? q.where(col as 'date', '>=', `${f.year}-01-01`).where(col as 'date', '<=', `${f.year}-12-31`) : q.where(sql.ref('year'), '=', f.year);
  if (f.orgId) q = q.where('org_id', '=', f.orgId);
  for (const [name, column] of Object.entries(ENUM_FILTERS[table] ?? {})) {
    const v = f[name as keyof typeof f];
    if (typeof v === 'string' && v) q = q.where(sql.ref(column), '=', v);
  }
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) => eb.or(STAFF_TEXT[table].map((c) => eb(sql.ref(c), 'ilike', like))));
  }
  return q;
}

/** A register's list queries: its records in the actor's scope matching the filters, the newest first unless sorted. */
const registerList = (table: StaffTable) =>
  listQueries({
    filtered: (ctx: Ctx, f: StaffFilter) => filteredRecords(ctx, table, f),
    sortable: STAFF_SORTABLE[table],
    tieBreaker: 'id',
    order: (q) => q.orderBy((DATE_COL[table] ?? 'year') as 'date', 'desc').orderBy('id'),
  });

/** Each register's list queries. */
const STAFF_LISTS = Object.fromEntries((Object.keys(DATE_COL) as StaffTable[]).map((table) => [table, registerList(table)])) as Record<
  StaffTable,
  ReturnType<typeof registerList>
>;

/** Records of a table in the actor's scope, optionally of one year, newest first (at most 2,000: the unpaged list). */
export function listRecords(ctx: Ctx, table: StaffTable, f: StaffFilter) {
  return STAFF_LISTS[table].list(ctx, f) as Promise<AnyRow[]>;
}

/** A page of a register's list (newest first unless sorted) and the filtered total. */
export async function pageRecords(ctx: Ctx, table: StaffTable, f: StaffFilter & { limit: number; offset: number }) {
  const { rows, total } = await STAFF_LISTS[table].page(ctx, f);
  return { rows: rows as AnyRow[], total };
}

/** How many records a register's filters give (the export's cap is checked on it before any row is read). */
export const countRecords = (ctx: Ctx, table: StaffTable, f: StaffFilter) => STAFF_LISTS[table].count(ctx, f);

/**
 * A register's export: with a list's filters exactly the list's rows in its order; without (the ledger's
 * export), every record in scope, oldest first.
 */
export async function recordsForExport(ctx: Ctx, table: StaffTable, f?: StaffFilter) {
  if (f) return (await STAFF_LISTS[table].rows(ctx, f)) as AnyRow[];
  const col = (DATE_COL[table] ?? 'year') as 'date';
  return (await filteredRecords(ctx, table, {}).orderBy(col).orderBy('id').execute()) as AnyRow[];
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

// ── The demo bureau's loads (demo.ts) ──

/** Inserts rows into one of the registers (named at run time); their ids, in the rows' order. */
export function insertRecords(db: Kysely<KernelDB>, table: StaffTable, rows: Record<string, unknown>[]): Promise<Array<{ id: string }>> {
  const anyDb: AnyDb = db; // the table is one of several, named at run time
  return anyDb.insertInto(table).values(rows).returning('id').execute();
}
