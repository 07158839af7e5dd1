/** 信访 — what other modules may call. */
export { petitionKind } from './kind.js';
export { requestReview, answerReview, opinionDocx } from './commands.js';
export { ACCEPT_RULE, HANDLE_RULE, EXTENSION_CAP, REVIEW_APPLY_RULE, REVIEW_ANSWER_RULE, reviewProblem, PETITION_FORMS } from './rules.js';
