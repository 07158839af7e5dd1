import { attempt, type AnyRow, type SaveResult, stagedSave } from '../../core/persist.js';
import type { Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import { check } from '../../core/input.js';
import { isUuid } from '../../core/ids.js';
import { errors } from '../../core/errors.js';
import type { WriteOrigin } from '../../core/ledger/ledger.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { AUDIENCES, MODES, STUDY_FORMS } from './schema.js';
import { checkAttendance, checkExamScore } from './rules.js';
import { present, ENTITY } from './presenters.js';
import { examResultsOf, existingDutyIds, getRecord, recordsForUpdate, type StaffTable } from './repository.js';

const text = (field: string, v: unknown, label: string, max = 300) => {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
};
const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const optInt = (field: string, v: unknown, label: string) => {
  if (v === null || v === undefined || v === '') return null;
  if (!Number.isInteger(v) || (v as number) < 0) throw errors.validation(field, `${label}应为非负整数`);
  return v as number;
};
/** A value of a column's domain `xs`; the error names the field (`optional`: empty is null). */
function oneOf<T extends string>(v: unknown, xs: readonly T[], f: { field: string; label: string; optional?: boolean }): T | null {
  if ((v === null || v === undefined || v === '') && f.optional) return null;
  if (!xs.includes(v as T)) throw errors.validation(f.field, `${f.label}应为：${xs.join('、')}`);
  return v as T;
}

/** Turns an API body into the table's values, or throws a validation error naming the field. */
export const VALUES: Record<StaffTable, (b: Record<string, unknown>) => Record<string, unknown>> = {
  staff_study_session: (b) => ({
    date: check.date('date', '日期', b.date, { required: true }),
    form: oneOf(b.form, STUDY_FORMS, { field: 'form', label: '形式' }),
    topic: text('topic', b.topic, '主题'),
    attendees: optInt('attendees', b.attendees, '参加人数'),
    host: opt(b.host),
  }),
  staff_exam_result: (b) => {
    const v = {
      exam: text('exam', b.exam, '考试名称'),
      date: check.date('date', '考试日期', b.date, { required: true }),
      person: text('person', b.person, '姓名', 50),
      score: Number(b.score),
      pass_mark: Number(b.passMark),
    };
    checkExamScore(v.score, v.pass_mark);
    return v;
  },
  staff_training: (b) => {
    const v = {
      date: check.date('date', '日期', b.date, { required: true }),
      topic: text('topic', b.topic, '主题'),
      audience: oneOf(b.audience, AUDIENCES, { field: 'audience', label: '对象', optional: true }),
      mode: oneOf(b.mode, MODES, { field: 'mode', label: '形式', optional: true }),
      onsite: optInt('onsite', b.onsite, '现场人数'),
      online: optInt('online', b.online, '线上人数'),
      attendees: b.attendees as number, // checked by checkAttendance
      venue: opt(b.venue),
      speaker: opt(b.speaker),
    };
    checkAttendance(v);
    return v;
  },
  staff_pufa_duty: (b) => {
    const year = b.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) throw errors.validation('year', '年度无效');
    return {
      year,
      law: text('law', b.law, '法律法规名称'),
      content: text('content', b.content, '普法内容', 2000),
      audience: opt(b.audience),
      measures: opt(b.measures),
    };
  },
  staff_pufa_activity: (b) => ({
    date: check.date('date', '日期', b.date, { required: true }),
    title: text('title', b.title, '活动名称'),
    laws: opt(b.laws),
    place: opt(b.place),
    audience_count: optInt('audienceCount', b.audienceCount, '受众人数'),
    duty_id: opt(b.dutyId),
  }),
};

/** A record to save: without `id` a new one; with `id` a change (fields absent from `body` keep their value). */
export interface RecordSave {
  row?: number;
  id?: string;
  orgId?: string;
  body: Record<string, unknown>;
}

/** Ledger headers of each table's API fields (row errors of an import name them). */
export const HEADERS: Record<StaffTable, Readonly<Record<string, string>>> = {
  staff_study_session: { date: '日期', form: '形式', topic: '主题', attendees: '参加人数' },
  staff_exam_result: { exam: '考试名称', date: '考试日期', person: '姓名', score: '成绩', passMark: '及格线' },
  staff_training: { date: '日期', topic: '主题', audience: '对象', mode: '形式', attendees: '参加人数', onsite: '参加人数', online: '参加人数' },
  staff_pufa_duty: { year: '年度', law: '法律法规名称', content: '普法内容' },
  staff_pufa_activity: { date: '日期', title: '活动名称', audienceCount: '受众人数', dutyId: '普法责任' },
};

/** What every staff table's stored row has (read untyped: the table is named at run time). */
type StoredRecord = { id: string; org_id: string; version: number; updated_at: unknown };

const num = (c: string, v: unknown) => (c === 'score' || c === 'pass_mark' ? Number(v) : v);
const examKey = (v: { exam: unknown; date: unknown; person: unknown }) => `${v.exam}|${v.date}|${v.person}`;

/**
 * Saves records of a staff table — the one path for the forms (one input, live) and the
 * `study-sessions` / `exam-results` / `trainings` ledgers (many, historical). No rule of
 * RULES.md applies to these records, so an import has no findings; what cannot be a
 * record (bad date, a value out of its domain, attendance that does not add up, a second
 * result of one person in one exam) is refused in both modes.
 */
export async function saveRecords(w: WriteScope, table: StaffTable, inputs: ReadonlyArray<RecordSave>, origin: WriteOrigin): Promise<SaveResult> {
  const actor = w.ctx.actor;
  const headers = HEADERS[table];
  const batch = stagedSave(w, origin, { table, entity: ENTITY[table] });
  const ids = inputs.flatMap((i) => (i.id ? [i.id] : []));
  const existing = new Map<string, AnyRow>((await recordsForUpdate(w.tx, actor.tenantId, table, ids)).map((r) => [r.id as string, r]));
  // One look-up each for what a new record must not collide with or must refer to.
  const exams = new Set<string>();
  if (table === 'staff_exam_result') {
    const names = [...new Set(inputs.filter((i) => !i.id).map((i) => String(i.body.exam ?? '').trim()))];
    for (const r of await examResultsOf(w.tx, actor.tenantId, names)) exams.add(examKey(r));
  }
  const duties = new Set<string>();
  if (table === 'staff_pufa_activity') {
    const dutyIds = inputs.map((i) => i.body.dutyId).filter(isUuid);
    for (const id of await existingDutyIds(w.tx, actor.tenantId, dutyIds)) duties.add(id);
  }
  for (const s of inputs) {
    const old = s.id ? existing.get(s.id) : undefined;
    const values = attempt(origin, { row: s.row, columns: headers, errs: batch.errs }, () => {
      if (s.id && !old) throw errors.notFound('记录');
      const v = VALUES[table](old ? { ...present(table, old), ...s.body } : s.body);
      if (table === 'staff_exam_result' && !old) {
        if (exams.has(examKey(v as { exam: string; date: string; person: string }))) throw errors.duplicate('person', `${v.person}在该场考试已有成绩`);
        exams.add(examKey(v as { exam: string; date: string; person: string }));
      }
      if (v.duty_id && !duties.has(v.duty_id as string)) throw errors.validation('dutyId', '所选普法责任不存在');
      return v;
    });
    if (!values) batch.failed();
    else if (!old) await batch.create(s, values);
    else batch.update(s, old as StoredRecord, { values, before: Object.fromEntries(Object.keys(values).map((c) => [c, num(c, old[c])])) });
  }
  return batch.flush();
}

/** Creates a record of one of the staff tables (audit `staff.<entity>.created`). */
export async function createRecord(ctx: Ctx, table: StaffTable, body: Record<string, unknown>) {
  VALUES[table](body);
  if (body.orgId != null && typeof body.orgId !== 'string') throw errors.validation('orgId', '单位应为单位编号');
  const orgId = await ownerOrgForCreate(ctx, body.orgId as string | null | undefined);
  return write(ctx, async (w) => {
    const r = await saveRecords(w, table, [{ orgId, body }], { mode: 'live' });
    return present(table, (await getRecord(w.tx, ctx, table, r.ids[0]!))!);
  });
}
