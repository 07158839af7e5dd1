/**
 * 诉求办理（共用） — what the four demand modules may use: the kinds (contributed in manifests), the
 * clock and lifecycle rules, the writes, the repository, the route factory and
 * the metric builders. Other modules (enforcement …) should use the demand
 * modules' own exports instead.
 */
export {
  DEMAND_KIND_POINT,
  demandKindsOf,
  demandKindProblems,
  type DemandKindDef,
  type FieldError,
  type IntakeEffects,
  type RuleFacts,
  type ClockCheck,
} from './kinds.js';
export * from './clock.js';
export {
  ACTIONS,
  STATUS_LABELS,
  demandActions,
  demandWorkflow,
  requireDemandTransition,
  type DemandAction,
  type DemandFlowFacts,
  type DemandWorkflow,
  type WorkflowSteps,
} from './workflow.js';
export {
  intake,
  applyDemandEvent,
  loadItems,
  saveDemands,
  updateAttrs,
  demandBreaches,
  checkIntake,
  throwFieldErrors,
  calendarOf,
  PAST,
  type IntakeInput,
  type LoadedItem,
  type DemandFacts,
  type SavedDemand,
  type Sys,
} from './service.js';
export { DEMAND_EVENTS, parseInstant, type DemandEventInput } from './events.js';
export {
  bureauOf,
  getItem,
  findByRef,
  listItems,
  linksOf,
  receivedBetween,
  reportRows,
  onlineReceiptStore,
  type ItemRow,
  type OnlineReceiptRow,
} from './repository.js';
export { presentItem, presentListItem, bizDate, clockOf, doneOn, type DemandListItem, type DemandRecord } from './presenters.js';
export { demandRoutes, recordView, IntakeBody } from './routes.js';
export { DataList, DemandListItemView, DemandRecordView } from './schemas.js';
export * from './metrics.js';
export type { DemandKind, DemandStatus, DemandsTables } from './schema.js';
export { ledgerDateTime, dateInstant, dateTimeInstant, exportItems, importDemandRows, demandUndo } from './ledgerKit.js';
export { demandEntity } from './entity.js';
export { demoKit, exactMix } from './demoKit.js';
export { officialDocx, blocksToHtml, chineseDate, type Block } from './docx.js';
export {
  onlineRoutes,
  submitOnline,
  openReceipt,
  onlineStatus,
  applicantProblems,
  checkOnlineFiles,
  hashSecret,
  secretMatches,
  newReceiptNo,
  waitText,
  APPLICANT_KINDS,
  ID_TYPES,
  ONLINE_LIMITS,
  ONLINE_RATE,
  type OnlineKind,
  type OnlineStore,
  type OnlineApplicant,
  type OnlineFile,
} from './online.js';
