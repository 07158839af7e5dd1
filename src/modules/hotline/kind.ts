import { sql } from 'kysely';
import { addDays, daysBetween } from '../../core/calendar/index.js';
import { dm, type DemandKindDef } from '../demands/index.js';
import { EXTENSION_CAP, HOTLINE_TYPES, handlingRule, repeatReason, REPEAT_WINDOW_DAYS, SATISFACTION, SIGN_RULE, timeLimitOf } from './rules.js';

export const hotlinePermissions = {
  read: 'hotline.read',
  write: 'hotline.write',
  personal: 'hotline.personal',
} as const;

/** 12345工单 — the hotline's kind of demand: its rules, steps and words. */
export const hotlineKind: DemandKindDef = {
  kind: 'hotline',
  module: 'hotline',
  entity: 'hotline.order',
  label: '12345工单',
  refLabel: '工单编号',
  permissions: hotlinePermissions,
  steps: { sign: { label: '签收' }, pause: false, extend: true, return: true, replyLabel: '回复诉求人', closeLabel: '办结', evaluateLabel: '回访评价' },
  mainRule: (f) => handlingRule(timeLimitOf(f.demandType, f.timeLimit), f.timeLimit != null),
  firstRule: SIGN_RULE,
  doneBy: 'close',
  clockFrom: 'received',
  extensionCap: EXTENSION_CAP,
  pauseReasons: [],
  restartReasons: [],
  satisfactionValues: SATISFACTION,
  results: null,
  demandTypes: HOTLINE_TYPES,
  async afterIntake(w, actor, item) {
    // 疑似重复诉求: same caller or place within 30 days before this order.
    if (!item.personPhoneKey && !item.location) return;
    const earlier = await dm(w.tx)
      .selectFrom('dm_item')
      .select(['id', 'person_phone_idx', 'location', sql<string>`to_char((received_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')`.as('received_on')])
      .where('tenant_id', '=', actor.tenantId)
      .where('kind', '=', 'hotline')
      .where('id', '!=', item.id)
      .where(
        sql<boolean>`(received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${addDays(item.receivedOn, -REPEAT_WINDOW_DAYS)}::date AND ${item.receivedOn}::date`,
      )
      .execute();
    const links = earlier
      .map((e) => ({
        e,
        reason: repeatReason(
          { receivedOn: item.receivedOn, phone: item.personPhoneKey, location: item.location },
          { receivedOn: e.received_on, phone: e.person_phone_idx, location: e.location },
          daysBetween(e.received_on, item.receivedOn),
        ),
      }))
      .filter((x): x is { e: (typeof earlier)[number]; reason: string } => x.reason !== null);
    if (!links.length) return;
    await dm(w.tx)
      .insertInto('dm_link')
      .values(links.map((l) => ({ tenant_id: actor.tenantId, from_id: item.id, to_id: l.e.id, reason: `疑似重复诉求：${l.reason}` })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await w.audit({
      entity: 'hotline.order',
      entityId: item.id,
      action: 'linked',
      orgId: item.orgId,
      note: { repeats: links.map((l) => l.e.id), reason: links.map((l) => l.reason).join('；') },
    });
  },
};
