/**
 * What the 学法用法 forms send, one body per record type. Each is closed (the kernel refuses a
 * property it does not list, naming it). Types are those the forms send — text as strings,
 * numbers as numbers — and every field may be absent or null (a cleared input): the commands
 * check each value and name the field with its Chinese label (`VALUES` in commands.ts).
 */
import { type TObject, Type } from '@fastify/type-provider-typebox';
import { Opt, OptUuid } from '../../core/schemas.js';
import type { StaffTable } from './repository.js';

/** A field a form may leave out or clear. */
const Text = Opt(Type.String());
const Num = Opt(Type.Number());
/** The unit a record belongs to (absent: the actor's own). */
const orgId = OptUuid();

export const STAFF_BODY = {
  staff_study_session: Type.Object({ orgId, date: Text, form: Text, topic: Text, attendees: Num, host: Text }),
  staff_exam_result: Type.Object({ orgId, exam: Text, date: Text, person: Text, score: Num, passMark: Num }),
  staff_training: Type.Object({
    orgId,
    date: Text,
    topic: Text,
    audience: Text,
    mode: Text,
    onsite: Num,
    online: Num,
    attendees: Num,
    venue: Text,
    speaker: Text,
  }),
  staff_pufa_duty: Type.Object({ orgId, year: Num, law: Text, content: Text, audience: Text, measures: Text }),
  staff_pufa_activity: Type.Object({ orgId, date: Text, title: Text, laws: Text, place: Text, audienceCount: Num, dutyId: Text }),
} as const satisfies Record<StaffTable, TObject>;
