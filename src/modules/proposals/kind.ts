import { proposalsLabels } from './labels.js';
import { calendarOf, type DemandKindDef, type FieldError } from '../demands/index.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { CATEGORIES, clockBreaches, CO_OPINION_RULE, EXTENSION_CAP, FEEDBACK, replyRule, RESULTS, ROLES, TOPICS } from './rules.js';

/** 建议提案 — a deputy's suggestion or a CPPCC proposal, led (主办) or co-handled (协办). */
export const proposalKind: DemandKindDef = {
  kind: 'proposal',
  module: 'proposals',
  entity: 'proposals.proposal',
  label: proposalsLabels['proposals.proposal'].label,
  refLabel: '编号',
  permissions: { read: 'proposals.read', write: 'proposals.write', personal: 'proposals.write' },
  steps: { sign: null, pause: false, extend: true, return: false, replyLabel: '答复代表委员', closeLabel: '办结', evaluateLabel: '代表委员反馈' },
  mainRule: (f) =>
    replyRule({ assignedOn: f.receivedOn, difficult: f.attrs.difficult === true, dueOn: typeof f.attrs.dueOn === 'string' ? f.attrs.dueOn : null }, f.cal),
  firstRule: null,
  doneBy: 'reply',
  clockFrom: 'received',
  extensionCap: EXTENSION_CAP,
  clockBreaches,
  pauseReasons: [],
  restartReasons: [],
  satisfactionValues: FEEDBACK,
  results: RESULTS,
  demandTypes: CATEGORIES,
  channels: ROLES,
  checkIntake({ demandType, channel, attrs }) {
    const errs: FieldError[] = [];
    if (!demandType) errs.push({ field: 'demandType', message: '请选择类别（人大代表建议/政协提案）' });
    if (!channel) errs.push({ field: 'channel', message: '请选择办理方式（主办/协办）' });
    const topics = attrs.topics;
    if (topics !== undefined && (!Array.isArray(topics) || topics.some((t) => !(TOPICS as readonly string[]).includes(String(t)))))
      errs.push({ field: 'attrs.topics', message: `问题类型应为：${TOPICS.join('、')}` });
    if (attrs.dueOn !== undefined && attrs.dueOn !== null && !isIsoDate(attrs.dueOn))
      errs.push({ field: 'attrs.dueOn', message: '办理期限应为YYYY-MM-DD格式的真实日期' });
    if (attrs.difficult !== undefined && typeof attrs.difficult !== 'boolean') errs.push({ field: 'attrs.difficult', message: '是否重大复杂应为是或否' });
    return errs;
  },
  async afterIntake(w, actor, item) {
    // 协办: the co-handler's opinion to the lead handler is due within 1 month (tracked).
    if (item.channel !== '协办') return undefined;
    const sys = calendarOf(w);
    const due = sys.calendar.explain({ rule: CO_OPINION_RULE, start: item.receivedOn }).due;
    await sys.calendar.track(w, actor, {
      module: 'proposals',
      entity: 'proposals.proposal',
      entityId: item.id,
      orgId: item.orgId,
      title: CO_OPINION_RULE.label,
      rule: CO_OPINION_RULE,
      start: item.receivedOn,
      label: item.refNo,
    });
    return { attrs: { coOpinionDueOn: due } };
  },
};
