/**
 * What the 学法用法 routes answer, described with TypeBox: one view per record type. The
 * presenter returns `Static<typeof …>` of these, so it cannot drift from what the routes
 * declare (and the test server checks every answer strictly, src/server/responses.ts).
 */
import { type Static, type TSchema, Type } from '@fastify/type-provider-typebox';
import { IsoDateString, Nullable, OneOf, Str, NStr, Int } from '../../core/schemas.js';
import { AUDIENCES, MODES, STUDY_FORMS } from './schema.js';
import type { StaffTable } from './repository.js';

const NInt = Nullable(Int);

const base = { id: Str, orgId: Str, version: Int };

export const StudySessionView = Type.Object(
  { ...base, date: IsoDateString, form: OneOf(STUDY_FORMS), topic: Str, attendees: NInt, host: NStr },
  { description: '学法记录' },
);
export const ExamResultView = Type.Object(
  { ...base, exam: Str, date: IsoDateString, person: Str, score: Type.Number(), passMark: Type.Number(), passed: Type.Boolean() },
  { description: '考试成绩' },
);
export const TrainingView = Type.Object(
  {
    ...base,
    date: IsoDateString,
    topic: Str,
    audience: Nullable(OneOf(AUDIENCES)),
    mode: Nullable(OneOf(MODES)),
    onsite: NInt,
    online: NInt,
    attendees: Int,
    venue: NStr,
    speaker: NStr,
  },
  { description: '培训记录' },
);
export const PufaDutyView = Type.Object({ ...base, year: Int, law: Str, content: Str, audience: NStr, measures: NStr }, { description: '普法责任清单' });
export const PufaActivityView = Type.Object(
  { ...base, date: IsoDateString, title: Str, laws: NStr, place: NStr, audienceCount: NInt, dutyId: NStr },
  { description: '普法活动' },
);

/** Each table's view. */
export const STAFF_VIEW = {
  staff_study_session: StudySessionView,
  staff_exam_result: ExamResultView,
  staff_training: TrainingView,
  staff_pufa_duty: PufaDutyView,
  staff_pufa_activity: PufaActivityView,
} as const satisfies Record<StaffTable, TSchema>;

export type StaffView = { [K in StaffTable]: Static<(typeof STAFF_VIEW)[K]> };

/** Each table's list. */
export const STAFF_LIST_VIEW = {
  staff_study_session: Type.Array(StudySessionView),
  staff_exam_result: Type.Array(ExamResultView),
  staff_training: Type.Array(TrainingView),
  staff_pufa_duty: Type.Array(PufaDutyView),
  staff_pufa_activity: Type.Array(PufaActivityView),
} as const satisfies Record<StaffTable, TSchema>;
