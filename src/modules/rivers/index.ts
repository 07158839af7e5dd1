/** 河涌水质 — what other modules may call. */
export { riversModule } from './module.js';
export { classify, gradeBlackOdour, periodClass } from './rules.js';
