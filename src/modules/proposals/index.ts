/** 建议提案 — what other modules may call. */
export { proposalKind } from './kind.js';
export { REPLY_RULE, DIFFICULT_REPLY_RULE, CO_OPINION_RULE, replyRule, RESULTS, RESULT_LABELS, TOPICS } from './rules.js';
