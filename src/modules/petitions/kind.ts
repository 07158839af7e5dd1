import { petitionsLabels } from './labels.js';
import type { DemandKindDef, FieldError } from '../demands/index.js';
import { ACCEPT_RULE, EXTENSION_CAP, HANDLE_RULE, OPINION_RESULTS, PETITION_FORMS, SATISFACTION } from './rules.js';

/** 信访件 — the petition's kind: accepted within 15 days, handled within 60 (+30) of acceptance. */
export const petitionKind: DemandKindDef = {
  kind: 'petition',
  module: 'petitions',
  entity: 'petitions.petition',
  label: petitionsLabels['petitions.petition'].label,
  refLabel: '信访编号',
  permissions: { read: 'petitions.read', write: 'petitions.write', personal: 'petitions.personal' },
  steps: { sign: { label: '受理' }, pause: false, extend: true, return: false, replyLabel: '出具处理意见', closeLabel: '办结', evaluateLabel: '满意度评价' },
  mainRule: () => HANDLE_RULE,
  firstRule: ACCEPT_RULE,
  doneBy: 'close',
  clockFrom: 'signed',
  extensionCap: EXTENSION_CAP,
  pauseReasons: [],
  restartReasons: [],
  satisfactionValues: SATISFACTION,
  results: OPINION_RESULTS,
  channels: PETITION_FORMS,
  checkIntake({ channel, attrs }) {
    const errs: FieldError[] = [];
    if (!channel) errs.push({ field: 'channel', message: '请选择信访形式' });
    for (const f of ['repeat', 'overLevel', 'group'] as const)
      if (attrs[f] !== undefined && typeof attrs[f] !== 'boolean') errs.push({ field: `attrs.${f}`, message: '应为“是”或“否”' });
    return errs;
  },
};
