/**
 * 12345热线 — what other modules may call. The enforcement module reads the
 * clue outbox here (`listClueRequests`) and marks each request consumed.
 */
export { listClueRequests, markClueRequestConsumed, type ClueRequest } from './clues.js';
export { receivePush, requestClue, setDistrictAverage } from './commands.js';
export { hotlineKind } from './kind.js';
export { HOTLINE_TYPES, DEFAULT_TIME_LIMIT, SIGN_RULE, timeLimitOf, repeatReason } from './rules.js';
