/** petitions.* of METRICS.md, plus the on-time rate and overdue / due-soon counts. */
import { sql } from 'kysely';
import type { MetricQuery } from '../../core/metrics/registry.js';
import { allOf } from '../../core/metrics/pass.js';
import { countMetric, doneInPeriodSql, dueSoonMetric, onTimeRateMetric, overdueMetric } from '../demands/index.js';
import { petitionKind as def } from './kind.js';

const closed = (q: MetricQuery) => doneInPeriodSql(q, def);
const flag = (name: string) => sql<boolean>`coalesce((dm_item.attrs->>${name})::boolean, false)`;
const FORM = [{ key: 'channel', title: '信访形式' }];

export const petitionMetrics = [
  countMetric({ key: 'petitions.closed', title: '办结信访件数', definition: '办结日期在统计期内的信访件数', def, where: closed, columns: FORM }),
  countMetric({
    key: 'petitions.closed_system',
    title: '其中信访系统转办件',
    definition: '统计期内办结、信访形式为“系统转办”的信访件数',
    def,
    where: (q) => allOf(closed(q), sql<boolean>`dm_item.channel = '系统转办'`),
    columns: FORM,
  }),
  countMetric({
    key: 'petitions.closed_visit',
    title: '其中群众来访件',
    definition: '统计期内办结、信访形式为“来访”的信访件数',
    def,
    where: (q) => allOf(closed(q), sql<boolean>`dm_item.channel = '来访'`),
    columns: FORM,
  }),
  countMetric({
    key: 'petitions.repeat',
    title: '重复信访件数',
    definition: '统计期内办结的信访件中标记为重复信访的件数',
    def,
    where: (q) => allOf(closed(q), flag('repeat')),
    columns: FORM,
  }),
  countMetric({
    key: 'petitions.over_level',
    title: '越级信访件数',
    definition: '统计期内办结的信访件中标记为越级信访的件数',
    def,
    where: (q) => allOf(closed(q), flag('overLevel')),
    columns: FORM,
  }),
  countMetric({
    key: 'petitions.group',
    title: '集体访件数',
    definition: '统计期内办结的信访件中标记为集体访的件数',
    def,
    where: (q) => allOf(closed(q), flag('group')),
    columns: FORM,
  }),
  onTimeRateMetric({
    key: 'petitions.on_time_rate',
    title: '信访件按期办结率',
    definition: '统计期内办结的信访件中，在受理之日起60日（经批准延长的加延长期）内办结的比例',
    def,
    base: closed,
    columns: FORM,
    numTitle: '按期办结',
  }),
  overdueMetric(def, 'petitions.overdue'),
  dueSoonMetric(def, 'petitions.due_soon'),
];
