/**
 * 工作日历与期限计算 — the working-day calendar (statutory holidays and make-up
 * days) and pure deadline arithmetic. See docs/calendar.md.
 */
export {
  CHINESE_DAYS_YEARS,
  addDays,
  createCalendar,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  isoDateInShanghai,
  toDayNumber,
} from './calendar.js';
export type {
  CalendarOverride,
  CreateCalendarOptions,
  DayInfo,
  DayKind,
  DaySource,
  IsoDate,
  RollOption,
  WorkCalendar,
} from './calendar.js';
export { STATUTORY_FROM_YEAR, STATUTORY_HOLIDAYS, STATUTORY_LUNAR_TO_YEAR, lunarToSolar, qingming, statutoryHolidays } from './statutory.js';
export type { StatutoryDay, StatutoryHolidayRule } from './statutory.js';
export { computeDeadline, deadlineStatus, finishedOnTime } from './deadline.js';
export type {
  DeadlineExplanation,
  DeadlineExtension,
  DeadlineInput,
  DeadlinePause,
  DeadlineRule,
  DeadlineStatus,
  DeadlineUnit,
  MetDay,
} from './deadline.js';
