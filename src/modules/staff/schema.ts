import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

export const STUDY_FORMS = ['理论学习中心组', '专题培训', '法治讲座', '其他'] as const;
export const AUDIENCES = ['局机关', '街道'] as const;
export const MODES = ['线上', '线下', '线上线下'] as const;

type V = ColumnType<number, number | undefined, number>;
type Base = { tenant_id: string; id: Generated<string>; org_id: string; version: V; created_at: Instant; updated_at: Instant };
/** numeric columns come back as strings on both engines: read them with Number(). */
type Num = ColumnType<string | number, number, number>;

export type StaffTables = {
  staff_study_session: Base & { date: DateCol; form: (typeof STUDY_FORMS)[number]; topic: string; attendees: number | null; host: string | null };
  staff_exam_result: Base & { exam: string; date: DateCol; person: string; score: Num; pass_mark: Num };
  staff_training: Base & {
    date: DateCol;
    topic: string;
    audience: (typeof AUDIENCES)[number] | null;
    mode: (typeof MODES)[number] | null;
    onsite: number | null;
    online: number | null;
    attendees: number;
    venue: string | null;
    speaker: string | null;
  };
  staff_pufa_duty: Base & { year: number; law: string; content: string; audience: string | null; measures: string | null };
  staff_pufa_activity: Base & {
    date: DateCol;
    title: string;
    laws: string | null;
    place: string | null;
    audience_count: number | null;
    duty_id: string | null;
  };
};
