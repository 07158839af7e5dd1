import { type RawBuilder, sql } from 'kysely';
import type { WorkCalendar } from './calendar.js';
import { DUE_SOON_WORKDAYS } from './deadline.js';

/** A tracked deadline's open state a list can filter on: 已逾期 or 即将到期 (as `deadlineStatus` judges them). */
export type OpenDeadlineState = 'overdue' | 'due_soon';

/** The open states' bounds on a day: overdue is due before `today`; due soon is due from `today` to before `soonBefore`. */
export interface DeadlineBounds {
  today: string;
  /** The 4th working day after today: 即将到期 is due at most 3 working days ahead (DUE_SOON_WORKDAYS). */
  soonBefore: string;
}

export function deadlineBounds(cal: WorkCalendar, today: string): DeadlineBounds {
  return { today, soonBefore: cal.addWorkdays(today, DUE_SOON_WORKDAYS + 1) };
}

/**
 * Whether a record has an open tracked deadline in `state` — an EXISTS on `tracked_deadline` by
 * (tenant, entity, entity id), which its unique key serves — so a list filters on the deadlines the
 * kernel tracks (recomputed when the calendar changes) in SQL, without computing each row's clock.
 */
export function hasOpenDeadlineSql(o: {
  entity: string;
  tenantColumn: string;
  idColumn: string;
  state: OpenDeadlineState;
  bounds: DeadlineBounds;
}): RawBuilder<boolean> {
  const due = o.state === 'overdue' ? sql`td.due_date < ${o.bounds.today}` : sql`td.due_date >= ${o.bounds.today} AND td.due_date < ${o.bounds.soonBefore}`;
  return sql<boolean>`EXISTS (SELECT 1 FROM tracked_deadline td WHERE td.tenant_id = ${sql.ref(o.tenantColumn)} AND td.entity = ${o.entity}
    AND td.entity_id = ${sql.ref(o.idColumn)}::text AND td.done_on IS NULL AND ${due})`;
}
