import { defineMetric, percent, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { StaffTables } from './schema.js';
import { passed } from './rules.js';

const PERMISSION = 'staff.read';
const exams = (q: MetricQuery) => q.db.withTables<StaffTables>().selectFrom('staff_exam_result').$call(inScope(q)).$call(dateInPeriod(q, 'date'));
const examRows = async (q: MetricQuery) =>
  (await exams(q).select(['id', 'exam', 'date', 'person', 'score', 'pass_mark']).orderBy('date').orderBy('person').execute()).map((r) => ({
    ...r,
    score: Number(r.score),
    pass_mark: Number(r.pass_mark),
    passed: passed(Number(r.score), Number(r.pass_mark)) ? '是' : '否',
  }));
const examColumns = [
  { key: 'exam', title: '考试名称' },
  { key: 'date', title: '考试日期' },
  { key: 'person', title: '姓名' },
  { key: 'score', title: '成绩' },
  { key: 'pass_mark', title: '及格线' },
  { key: 'passed', title: '及格' },
];

const sessions = (q: MetricQuery) =>
  q.db.withTables<StaffTables>().selectFrom('staff_study_session').$call(inScope(q)).$call(dateInPeriod(q, 'date')).where('form', '=', '理论学习中心组');
const streetTrainings = (q: MetricQuery) =>
  q.db.withTables<StaffTables>().selectFrom('staff_training').$call(inScope(q)).$call(dateInPeriod(q, 'date')).where('audience', '=', '街道');

export const staffMetrics: MetricDef[] = [
  defineMetric({
    key: 'staff.law_exam_pass_rate',
    title: '学法考试通过率',
    unit: 'percent',
    definition: '考试日期在统计期内的考试成绩中，成绩不低于及格线的比例',
    permission: PERMISSION,
    async query(q) {
      const all = await countOf(exams(q));
      const ok = await countOf(exams(q).whereRef('score', '>=', 'pass_mark'));
      return percent(ok, all);
    },
    async drill(q) {
      const rows = await examRows(q);
      return { columns: examColumns, rows, total: rows.length };
    },
  }),
  defineMetric({
    key: 'staff.law_exam_min_score',
    title: '学法考试最低分',
    unit: 'score',
    definition: '考试日期在统计期内的考试成绩中的最低成绩',
    permission: PERMISSION,
    async query(q) {
      const r = await exams(q)
        .select((eb) => eb.fn.min('score').as('m'))
        .executeTakeFirst();
      return r?.m == null ? null : Number(r.m);
    },
    async drill(q) {
      const rows = (await examRows(q)).sort((a, b) => a.score - b.score);
      return { columns: examColumns, rows, total: rows.length };
    },
  }),
  defineMetric({
    key: 'study.party_group_sessions',
    title: '局党组理论学习中心组集体学习次数',
    unit: 'count',
    definition: '日期在统计期内、形式为“理论学习中心组”的学法记录数',
    permission: PERMISSION,
    query: (q) => countOf(sessions(q)),
    async drill(q) {
      const rows = await sessions(q).select(['id', 'date', 'form', 'topic', 'attendees']).orderBy('date').execute();
      return {
        columns: [
          { key: 'date', title: '日期' },
          { key: 'form', title: '形式' },
          { key: 'topic', title: '主题' },
          { key: 'attendees', title: '参加人数' },
        ],
        rows,
        total: rows.length,
        recordRoute: '/staff/study-sessions/:id',
      };
    },
  }),
  defineMetric({
    key: 'streets.training_attendees',
    title: '街道培训参加人数',
    unit: 'count',
    definition: '日期在统计期内、对象为“街道”的培训记录的参加人数之和',
    permission: PERMISSION,
    async query(q) {
      const r = await streetTrainings(q)
        .select((eb) => eb.fn.sum<number>('attendees').as('s'))
        .executeTakeFirst();
      return Number(r?.s ?? 0);
    },
    async drill(q) {
      const rows = await streetTrainings(q).select(['id', 'date', 'topic', 'audience', 'mode', 'onsite', 'online', 'attendees']).orderBy('date').execute();
      return {
        columns: [
          { key: 'date', title: '日期' },
          { key: 'topic', title: '主题' },
          { key: 'mode', title: '形式' },
          { key: 'onsite', title: '现场人数' },
          { key: 'online', title: '线上人数' },
          { key: 'attendees', title: '参加人数' },
        ],
        rows,
        total: rows.length,
        sumOf: 'attendees',
        recordRoute: '/staff/trainings/:id',
      };
    },
  }),
];
