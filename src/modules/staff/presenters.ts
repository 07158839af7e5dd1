import type { Selectable } from 'kysely';
import type { AnyRow } from '../../core/persist.js';
import type { StaffTables } from './schema.js';
import type { StaffView } from './schemas.js';
import type { StaffTable } from './repository.js';
import { passed } from './rules.js';

/** Audit entity of each table. */
export const ENTITY: Record<StaffTable, string> = {
  staff_study_session: 'staff.study_session',
  staff_exam_result: 'staff.exam_result',
  staff_training: 'staff.training',
  staff_pufa_duty: 'staff.pufa_duty',
  staff_pufa_activity: 'staff.pufa_activity',
};

type Row<K extends StaffTable> = Selectable<StaffTables[K]>;

/** Each table's presenter: camelCase, numbers as numbers. */
const PRESENT: { [K in StaffTable]: (r: Row<K>) => StaffView[K] } = {
  staff_study_session: (r) => ({ ...base(r), date: r.date, form: r.form, topic: r.topic, attendees: r.attendees, host: r.host }),
  staff_exam_result: (r) => ({
    ...base(r),
    exam: r.exam,
    date: r.date,
    person: r.person,
    score: Number(r.score),
    passMark: Number(r.pass_mark),
    passed: passed(Number(r.score), Number(r.pass_mark)),
  }),
  staff_training: (r) => ({
    ...base(r),
    date: r.date,
    topic: r.topic,
    audience: r.audience,
    mode: r.mode,
    onsite: r.onsite,
    online: r.online,
    attendees: r.attendees,
    venue: r.venue,
    speaker: r.speaker,
  }),
  staff_pufa_duty: (r) => ({ ...base(r), year: r.year, law: r.law, content: r.content, audience: r.audience, measures: r.measures }),
  staff_pufa_activity: (r) => ({
    ...base(r),
    date: r.date,
    title: r.title,
    laws: r.laws,
    place: r.place,
    audienceCount: r.audience_count,
    dutyId: r.duty_id,
  }),
};
const base = (r: { id: string; org_id: string; version: number }) => ({ id: r.id, orgId: r.org_id, version: r.version });

/** A row as the API presents it (the table's view, src/modules/staff/schemas.ts); rows of a table named at run time come as AnyRow. */
export function present<K extends StaffTable>(table: K, r: AnyRow): StaffView[K] {
  return PRESENT[table](r as Row<K>);
}
