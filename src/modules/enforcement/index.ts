/**
 * What other modules may read of the enforcement module (docs/architecture.md: a module uses
 * another only through its index). Read-only: the officers register with certificates (行政检查
 * needs ≥ 2 certified officers, 行政处罚法第四十二条), the item catalogue (an inspection's legal
 * basis), clues and cases by id (an inspection's follow-up links), and the case list in the caller's scope (a
 * litigation case picks the penalty case it challenges).
 */
export {
  officersByIds as enforcementOfficersByIds,
  listOfficers as listEnforcementOfficers,
  listItems as listEnforcementItems,
  getItem as enforcementItemById,
  clueById as enforcementClueById,
  casesByIds as enforcementCasesByIds,
  listCases as listEnforcementCases,
} from './repository.js';
