/** 防汛 — what other modules may call. */
export { floodModule } from './module.js';
export { rosterIssues, missingDispatchDays, SHIFTS } from './rules.js';
