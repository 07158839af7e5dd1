/**
 * 双公示 — what other modules may call. Enforcement and licensing record each
 * decision here when it is made; publishing and withdrawing are recorded too.
 */
export { recordDecision, recordDecisions, publishDecision, withdrawDecision, withdrawDecisionIfRecorded, type DecisionInput } from './commands.js';
export { PUBLICATION_RULE, WITHDRAW_RULE, publicPartyName, publicIdNo } from './rules.js';
export { forgetDecisions } from './repository.js';
