/** 政府信息公开 — what other modules and the CLI may call. */
export { disclosureKind } from './kind.js';
export { renderDisclosureReport, buildDisclosureReport, type ReportFormat, type DisclosureReport } from './report.js';
export { requestsTable, remediesTable, OUTCOMES, OUTCOME_GROUPS, APPLICANT_TYPES, CHANNELS, REPLY_RULE, EXTENSION_CAP } from './rules.js';
export { recordRemedy, addProactive, setReportText } from './commands.js';
