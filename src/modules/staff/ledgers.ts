import type { Ctx } from '../../core/context.js';
import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type LedgerSpec } from '../../core/ledger/spec.js';
import { AUDIENCES, MODES, STUDY_FORMS } from './schema.js';
import { recordsForExport, recordsOnDates, type StaffFilter, type StaffTable } from './repository.js';
import { saveRecords } from './commands.js';

/** 学法记录 — LEDGERS.md `study-sessions` (rows match on 日期 + 主题). */
export const studySessionsSpec = defineLedgerSpec({
  key: 'study-sessions',
  title: '学法记录',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'form', header: '形式', type: 'enum', required: true, enum: STUDY_FORMS },
    { key: 'topic', header: '主题', type: 'text', required: true },
    { key: 'attendees', header: '参加人数', type: 'int', validate: (v: number) => (v < 0 ? '参加人数不能为负数' : undefined) },
  ],
});

/** 考试成绩 — LEDGERS.md `exam-results` (rows match on 考试名称 + 考试日期 + 姓名). */
export const examResultsSpec = defineLedgerSpec({
  key: 'exam-results',
  title: '考试成绩',
  columns: [
    { key: 'exam', header: '考试名称', type: 'text', required: true, example: '2022年度学法考试' },
    { key: 'date', header: '考试日期', type: 'date', required: true },
    { key: 'person', header: '姓名', type: 'text', required: true },
    { key: 'score', header: '成绩', type: 'decimal', required: true, validate: (v: number) => (v < 0 || v > 150 ? '成绩应在0至150分之间' : undefined) },
    { key: 'passMark', header: '及格线', type: 'decimal', required: true, validate: (v: number) => (v <= 0 || v > 150 ? '及格线应在1至150分之间' : undefined) },
  ],
});

/** 培训记录 — LEDGERS.md `trainings` (rows match on 日期 + 主题). */
export const trainingsSpec = defineLedgerSpec({
  key: 'trainings',
  title: '培训记录',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'topic', header: '主题', type: 'text', required: true },
    { key: 'audience', header: '对象', type: 'enum', enum: AUDIENCES },
    { key: 'mode', header: '形式', type: 'enum', enum: MODES },
    { key: 'attendees', header: '参加人数', type: 'int', required: true, validate: (v: number) => (v < 1 ? '参加人数应为正整数' : undefined) },
  ],
});

/**
 * A ledger over one staff table: `key` gives the natural key of a row (table columns),
 * `cols` maps row fields to columns. Rows go through `saveRecords` (the forms' path)
 * with the row fields as the API body (`passMark` for 及格线).
 */
function staffLedger<R extends Record<string, unknown>>(
  spec: LedgerSpec<R>,
  table: StaffTable,
  key: (r: Record<string, unknown>) => string,
  cols: Record<string, string>,
): LedgerDef<R> {
  const toRow = (v: R) => Object.fromEntries(Object.entries(cols).map(([f, c]) => [c, v[f] ?? null]));
  return {
    spec: spec as LedgerSpec,
    readPermission: 'staff.read',
    writePermission: 'staff.write',
    chunked: true,
    naturalKey: {
      header: spec.columns[spec.columns.length > 2 ? 2 : 1]!.header,
      of: (v) => key(toRow(v)),
      describe: (_, prev) => ({ message: `与第${prev}行重复` }),
    },
    async commit(imp, rows) {
      const { ctx } = imp;
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      for (const { rowNumber, value } of rows) {
        const k = key(toRow(value));
        if (seen.has(k)) errors.push({ row: rowNumber, column: spec.columns[spec.columns.length > 2 ? 2 : 1]!.header, message: `与第${seen.get(k)}行重复` });
        seen.set(k, rowNumber);
      }
      if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
      const dates = [...new Set(rows.map((r) => r.value.date as string))];
      const found = await recordsOnDates(ctx.db, ctx.actor.tenantId, table, dates);
      const known = new Map(found.map((r) => [key(r), r.id as string]));
      const r = await saveRecords(
        imp.w,
        table,
        rows.map(({ rowNumber, value }) => ({ row: rowNumber, id: known.get(key(toRow(value))), body: { ...value } })),
        { mode: 'historical', imp },
      );
      return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
    },
    // `filter`: a register list's filters (its export: exactly the list's rows, in its order); absent: every record in scope, oldest first.
    async exportRows(ctx, filter) {
      const rows = await recordsForExport(ctx, table, filter as StaffFilter | undefined);
      return rows.map((r) => Object.fromEntries(Object.entries(cols).map(([f, c]) => [f, c === 'score' || c === 'pass_mark' ? Number(r[c]) : r[c]]))) as R[];
    },
    undo: { table },
  };
}

export const studySessionsLedger = staffLedger(studySessionsSpec, 'staff_study_session', (r) => `${r.date}|${r.topic}`, {
  date: 'date',
  form: 'form',
  topic: 'topic',
  attendees: 'attendees',
});
export const examResultsLedger = staffLedger(examResultsSpec, 'staff_exam_result', (r) => `${r.exam}|${r.date}|${r.person}`, {
  exam: 'exam',
  date: 'date',
  person: 'person',
  score: 'score',
  passMark: 'pass_mark',
});
export const trainingsLedger = staffLedger(trainingsSpec, 'staff_training', (r) => `${r.date}|${r.topic}`, {
  date: 'date',
  topic: 'topic',
  audience: 'audience',
  mode: 'mode',
  attendees: 'attendees',
});

/** 普法责任清单's list export (no ledger in LEDGERS.md): the columns the list shows, under their Chinese titles. */
export const pufaDutiesListSpec = defineLedgerSpec({
  key: 'pufa-duties',
  title: '普法责任清单',
  columns: [
    { key: 'year', header: '年度', type: 'int', required: true },
    { key: 'law', header: '法律法规', type: 'text', required: true },
    { key: 'content', header: '普法内容', type: 'text', required: true },
    { key: 'audience', header: '普法对象', type: 'text' },
    { key: 'measures', header: '措施', type: 'text' },
  ],
});

/** 普法活动's list export (no ledger in LEDGERS.md): the columns the list shows, under their Chinese titles. */
export const pufaActivitiesListSpec = defineLedgerSpec({
  key: 'pufa-activities',
  title: '普法活动',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'title', header: '活动名称', type: 'text', required: true },
    { key: 'laws', header: '宣传法规', type: 'text' },
    { key: 'place', header: '地点', type: 'text' },
    { key: 'audienceCount', header: '受众人数', type: 'int' },
  ],
});

/** A row of a table as its export's fields (row field → table column). */
const rowsAs = (rows: readonly Record<string, unknown>[], cols: Record<string, string>) =>
  rows.map((r) => Object.fromEntries(Object.entries(cols).map(([f, c]) => [f, r[c]])));

/**
 * Each register's list export: its spec (the ledger's for 学法记录, 考试成绩 and 培训记录; the list's
 * columns for the two 普法 registers, which have no ledger) and exactly the filtered rows, in the list's order.
 */
export const STAFF_LIST_EXPORT: Record<StaffTable, { spec: LedgerSpec; rows(ctx: Ctx, f: StaffFilter): Promise<Record<string, unknown>[]> }> = {
  staff_study_session: { spec: studySessionsLedger.spec, rows: (ctx, f) => studySessionsLedger.exportRows(ctx, f) },
  staff_exam_result: { spec: examResultsLedger.spec, rows: (ctx, f) => examResultsLedger.exportRows(ctx, f) },
  staff_training: { spec: trainingsLedger.spec, rows: (ctx, f) => trainingsLedger.exportRows(ctx, f) },
  staff_pufa_duty: {
    spec: pufaDutiesListSpec as LedgerSpec,
    rows: async (ctx, f) =>
      rowsAs(await recordsForExport(ctx, 'staff_pufa_duty', f), { year: 'year', law: 'law', content: 'content', audience: 'audience', measures: 'measures' }),
  },
  staff_pufa_activity: {
    spec: pufaActivitiesListSpec as LedgerSpec,
    rows: async (ctx, f) =>
      rowsAs(await recordsForExport(ctx, 'staff_pufa_activity', f), {
        date: 'date',
        title: 'title',
        laws: 'laws',
        place: 'place',
        audienceCount: 'audience_count',
      }),
  },
};
