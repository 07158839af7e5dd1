/**
 * What other modules may read of the inspections module (docs/architecture.md: a module uses another only
 * through its index). Read-only: inspection records in the caller's scope, found by number, entity name or
 * 统一社会信用代码 (a litigation case picks the 行政检查 it challenges).
 */
export { listRecords as listInspectionRecords } from './repository.js';
