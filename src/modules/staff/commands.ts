import type { Ctx } from '../../core/context.js';
import { write } from '../../core/audit/audit.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { errors } from '../../core/errors.js';
import { assertInScope } from '../../core/scope.js';
import { AUDIENCES, MODES, STUDY_FORMS, type StaffTables } from './schema.js';
import { checkAttendance, checkExamScore } from './rules.js';
import { present, ENTITY } from './presenters.js';
import type { StaffTable } from './repository.js';

const date = (field: string, v: unknown, label: string) => {
  if (typeof v !== 'string' || !isIsoDate(v)) throw errors.validation(field, `${label}无效，应为YYYY-MM-DD格式的日期`);
  return v;
};
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
function oneOf<T extends string>(field: string, v: unknown, xs: readonly T[], label: string, required = true): T | null {
  if ((v === null || v === undefined || v === '') && !required) return null;
  if (!xs.includes(v as T)) throw errors.validation(field, `${label}应为：${xs.join('、')}`);
  return v as T;
}

/** Turns an API body into the table's values, or throws a validation error naming the field. */
export const VALUES: Record<StaffTable, (b: any) => Record<string, unknown>> = {
  staff_study_session: (b) => ({ date: date('date', b.date, '日期'), form: oneOf('form', b.form, STUDY_FORMS, '形式'), topic: text('topic', b.topic, '主题'), attendees: optInt('attendees', b.attendees, '参加人数'), host: opt(b.host) }),
  staff_exam_result: (b) => {
    const v = { exam: text('exam', b.exam, '考试名称'), date: date('date', b.date, '考试日期'), person: text('person', b.person, '姓名', 50), score: Number(b.score), pass_mark: Number(b.passMark) };
    checkExamScore(v.score, v.pass_mark);
    return v;
  },
  staff_training: (b) => {
    const v = { date: date('date', b.date, '日期'), topic: text('topic', b.topic, '主题'), audience: oneOf('audience', b.audience, AUDIENCES, '对象', false), mode: oneOf('mode', b.mode, MODES, '形式', false), onsite: optInt('onsite', b.onsite, '现场人数'), online: optInt('online', b.online, '线上人数'), attendees: b.attendees, venue: opt(b.venue), speaker: opt(b.speaker) };
    checkAttendance(v);
    return v;
  },
  staff_pufa_duty: (b) => {
    if (!Number.isInteger(b.year) || b.year < 2000 || b.year > 2100) throw errors.validation('year', '年度无效');
    return { year: b.year, law: text('law', b.law, '法律法规名称'), content: text('content', b.content, '普法内容', 2000), audience: opt(b.audience), measures: opt(b.measures) };
  },
  staff_pufa_activity: (b) => ({ date: date('date', b.date, '日期'), title: text('title', b.title, '活动名称'), laws: opt(b.laws), place: opt(b.place), audience_count: optInt('audienceCount', b.audienceCount, '受众人数'), duty_id: opt(b.dutyId) }),
};

/** Creates a record of one of the staff tables (audit `staff.<entity>.created`). */
export async function createRecord(ctx: Ctx, table: StaffTable, body: Record<string, unknown>) {
  const values = VALUES[table](body);
  const orgId = (body.orgId as string | undefined) ?? ctx.actor.orgId ?? (await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').executeTakeFirstOrThrow()).id;
  assertInScope(ctx.actor, orgId, '单位');
  return write(ctx, async (w) => {
    const db = w.tx.withTables<StaffTables>();
    if (table === 'staff_exam_result') {
      const dup = await db.selectFrom('staff_exam_result').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('exam', '=', values.exam as string).where('date', '=', values.date as string).where('person', '=', values.person as string).executeTakeFirst();
      if (dup) throw errors.duplicate('person', `${values.person}在该场考试已有成绩`);
    }
    if (values.duty_id) {
      const d = await db.selectFrom('staff_pufa_duty').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', values.duty_id as string).executeTakeFirst();
      if (!d) throw errors.validation('dutyId', '所选普法责任不存在');
    }
    const r = await db.insertInto(table as 'staff_training').values({ tenant_id: ctx.actor.tenantId, org_id: orgId, ...(values as any) }).returningAll().executeTakeFirstOrThrow();
    await w.audit({ entity: ENTITY[table], entityId: r.id, action: 'created', orgId, after: values });
    return present(table, r);
  });
}
