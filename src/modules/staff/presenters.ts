import type { AnyRow } from '../../core/persist.js';
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

/** A row as the API presents it: camelCase, numbers as numbers. */
export function present(table: StaffTable, r: AnyRow) {
  const base = { id: r.id as string, orgId: r.org_id as string, version: r.version as number };
  switch (table) {
    case 'staff_study_session':
      return { ...base, date: r.date, form: r.form, topic: r.topic, attendees: r.attendees, host: r.host };
    case 'staff_exam_result':
      return {
        ...base,
        exam: r.exam,
        date: r.date,
        person: r.person,
        score: Number(r.score),
        passMark: Number(r.pass_mark),
        passed: passed(Number(r.score), Number(r.pass_mark)),
      };
    case 'staff_training':
      return {
        ...base,
        date: r.date,
        topic: r.topic,
        audience: r.audience,
        mode: r.mode,
        onsite: r.onsite,
        online: r.online,
        attendees: r.attendees,
        venue: r.venue,
        speaker: r.speaker,
      };
    case 'staff_pufa_duty':
      return { ...base, year: r.year, law: r.law, content: r.content, audience: r.audience, measures: r.measures };
    case 'staff_pufa_activity':
      return { ...base, date: r.date, title: r.title, laws: r.laws, place: r.place, audienceCount: r.audience_count, dutyId: r.duty_id };
  }
}
