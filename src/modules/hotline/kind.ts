import { hotlineLabels } from './labels.js';
import { addDays, daysBetween } from '../../core/calendar/index.js';
import { receivedBetween, type DemandKindDef } from '../demands/index.js';
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
  label: hotlineLabels['hotline.order'].label,
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
    if (!item.personPhoneKey && !item.location) return undefined;
    const earlier = await receivedBetween(w.tx, actor.tenantId, 'hotline', {
      from: addDays(item.receivedOn, -REPEAT_WINDOW_DAYS),
      to: item.receivedOn,
      exceptId: item.id,
    });
    const to = earlier.flatMap((e) => {
      const reason = repeatReason(
        { receivedOn: item.receivedOn, phone: item.personPhoneKey, location: item.location },
        { receivedOn: e.received_on, phone: e.person_phone_idx, location: e.location },
        daysBetween(e.received_on, item.receivedOn),
      );
      return reason === null ? [] : [{ id: e.id, reason }];
    });
    return to.length ? { links: { label: '疑似重复诉求', to } } : undefined;
  },
};
