/** 系统管理 — what other modules may use: the demo bureau's street offices. */
export { TIANHE_STREETS } from './demo.js';
