/** Demand rows → API objects. Phones and ID numbers are masked unless the caller may see them. */
import { decryptPii } from '../../core/crypto/pii.js';
import type { WorkCalendar } from '../../core/calendar/index.js';
import { isoDateInShanghai } from '../../core/calendar/index.js';
import { maskIdCard, maskPhone } from '../../core/ledger/validators.js';
import { clockStatus, explainClock, type ClockExtension, type ClockPause, type ClockState } from './clock.js';
import type { DemandKindDef } from './kinds.js';
import type { ItemRow, ListRow } from './repository.js';
import { demandActions, demandWorkflow, STATUS_LABELS } from './workflow.js';
import type { DemandLinkView, DemandListItemView, DemandRecordBody } from './schemas.js';

const instant = (d: Date | string) => new Date(d).toISOString();
const iso = (d: Date | string | null | undefined) => (d == null ? null : instant(d));
/** The Beijing business date of an instant. */
export const bizDate = (d: Date | string | null | undefined) => (d == null ? null : isoDateInShanghai(new Date(d)));

/** The clock state stored on a row. */
export function clockOf(r: ItemRow): ClockState {
  return {
    rule: r.rule as ClockState['rule'],
    start: r.clock_start,
    pauses: (r.pauses ?? []) as ClockPause[],
    extensions: (r.extensions ?? []) as ClockExtension[],
    restartOn: r.restart_on,
    pausedSince: r.paused_since,
    pauseReason: r.pause_reason,
  };
}

/** The day the clock stopped: the reply or the closure, as the kind says. */
export const doneOn = (def: DemandKindDef, r: Pick<ItemRow, 'replied_at' | 'closed_at'>) =>
  def.doneBy === 'reply' ? (bizDate(r.replied_at) ?? bizDate(r.closed_at)) : bizDate(r.closed_at);

/** A demand as lists show it (masked identifiers). */
export function presentListItem(def: DemandKindDef, r: ListRow, cal: WorkCalendar, today: string): DemandListItemView {
  const done = doneOn(def, r);
  return {
    id: r.id,
    kind: r.kind,
    module: def.module,
    entity: def.entity,
    kindLabel: def.label,
    refNo: r.ref_no,
    title: r.title,
    demandType: r.demand_type,
    channel: r.channel,
    orgId: r.org_id,
    orgName: r.org_name,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    receivedAt: instant(r.received_at),
    firstDueOn: r.first_due_on,
    firstDoneAt: iso(r.first_done_at),
    dueOn: r.due_on,
    clockStatus: clockStatus({ due: r.due_on, today, doneOn: done, paused: r.status === 'paused' }, cal),
    repliedAt: iso(r.replied_at),
    closedAt: iso(r.closed_at),
    result: r.result,
    satisfaction: r.satisfaction,
    personName: r.person_name,
    personPhone: r.person_phone ? maskPhone(decryptPii(r.person_phone)!) : null,
    location: r.location,
    version: r.version,
  };
}

export type DemandListItem = DemandListItemView;

/** A demand's record page: everything, the clock with its explanation, the allowed actions. */
export function presentItem(
  def: DemandKindDef,
  r: ItemRow,
  cal: WorkCalendar,
  opts: { today: string; showPersonal: boolean; canWrite: boolean },
): DemandRecordBody {
  const clock = clockOf(r);
  const explanation = explainClock(clock, opts.today, cal, def.clockRules);
  const list = presentListItem(def, r, cal, opts.today);
  return {
    ...list,
    // While paused the due date moves day by day: show the live one.
    dueOn: doneOn(def, r) ? r.due_on : explanation.due,
    clockStatus: clockStatus(
      { due: doneOn(def, r) ? r.due_on : explanation.due, today: opts.today, doneOn: doneOn(def, r), paused: r.status === 'paused' },
      cal,
    ),
    content: r.content,
    personPhone: r.person_phone ? (opts.showPersonal ? decryptPii(r.person_phone) : maskPhone(decryptPii(r.person_phone)!)) : null,
    personIdNo: r.person_id_no ? (opts.showPersonal ? decryptPii(r.person_id_no) : maskIdCard(decryptPii(r.person_id_no)!)) : null,
    personalMasked: !opts.showPersonal,
    reply: r.reply,
    evaluatedAt: iso(r.evaluated_at),
    attrs: r.attrs as Record<string, unknown>,
    clock: {
      rule: clock.rule,
      start: clock.start,
      pauses: clock.pauses,
      extensions: clock.extensions,
      restartOn: clock.restartOn,
      pausedSince: clock.pausedSince,
      pauseReason: clock.pauseReason,
      explanation,
      extensionCap: def.extensionCap,
    },
    options: {
      pauseReasons: [...def.pauseReasons],
      restartReasons: [...def.restartReasons],
      satisfactionValues: [...def.satisfactionValues],
      results: def.results ? [...def.results] : null,
    },
    actions: opts.canWrite ? demandActions(demandWorkflow(def), r.status, { satisfaction: r.satisfaction }) : [],
  };
}

export type DemandRecord = DemandRecordBody;

/** A link of a demand as the record page shows it. */
export function presentLink(
  l: {
    id: string;
    kind: DemandLinkView['kind'];
    ref_no: string;
    received_at: Date | string;
    title: string;
    reason: string;
    from_id: string;
  },
  id: string,
): DemandLinkView {
  return {
    id: l.id,
    kind: l.kind,
    refNo: l.ref_no,
    receivedAt: instant(l.received_at),
    title: l.title,
    reason: l.reason,
    direction: l.from_id === id ? 'earlier' : 'later',
  };
}
