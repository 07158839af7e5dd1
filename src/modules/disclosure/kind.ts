import { disclosureLabels } from './labels.js';
import type { DemandKindDef, FieldError } from '../demands/index.js';
import {
  APPLICANT_TYPES,
  CHANNELS,
  CLOCK_RULES,
  clockBreaches,
  EXTENSION_CAP,
  OUTCOMES,
  PAUSE_OTHER_AGENCY,
  PAUSE_THIRD_PARTY,
  REPLY_RULE,
  RESTART_CORRECTION,
} from './rules.js';

/**
 * 依申请公开 — 20 working days (+20, approved within the term); a timely, single correction notice
 * restarts the clock on correction; consultation is not counted (a third party's at most 15 working days).
 */
export const disclosureKind: DemandKindDef = {
  kind: 'disclosure',
  module: 'disclosure',
  entity: 'disclosure.request',
  label: disclosureLabels['disclosure.request'].label,
  refLabel: '申请编号',
  permissions: { read: 'disclosure.read', write: 'disclosure.write', personal: 'disclosure.personal' },
  steps: { sign: null, pause: true, extend: true, return: false, replyLabel: '答复申请人', closeLabel: '办结归档', evaluateLabel: '申请人评价' },
  mainRule: () => REPLY_RULE,
  firstRule: null,
  doneBy: 'reply',
  clockFrom: 'received',
  extensionCap: EXTENSION_CAP,
  clockRules: CLOCK_RULES,
  clockBreaches,
  pauseReasons: [PAUSE_THIRD_PARTY, PAUSE_OTHER_AGENCY],
  restartReasons: [RESTART_CORRECTION],
  satisfactionValues: ['满意', '基本满意', '不满意'],
  results: OUTCOMES,
  demandTypes: APPLICANT_TYPES,
  channels: CHANNELS,
  checkIntake({ demandType, channel }) {
    const errs: FieldError[] = [];
    if (!demandType) errs.push({ field: 'demandType', message: '请选择申请人类型' });
    if (!channel) errs.push({ field: 'channel', message: '请选择申请方式' });
    return errs;
  },
};
