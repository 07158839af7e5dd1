import { legalLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { legalRoutes } from './routes.js';
import { legalMetrics, normativeMetrics } from './metrics.js';
import { legalAdviceLedger, normativeDocumentsLedger } from './ledgers.js';
import { loadLegalDemo } from './demo.js';
import { documentWorkflow } from './workflow.js';

export const legalPermissions = {
  'legal.read': { label: '查看法律顾问工作', roles: ['admin', 'leader', 'legal', 'advisor', 'viewer'] },
  'legal.write': { label: '登记法律顾问工作', roles: ['admin', 'legal', 'advisor'] },
  'legal.review': { label: '合法性审查', roles: ['legal'] },
  // 印发 / 作出决策 is the bureau's act: the outside lawyer (advisor) reviews and advises, never issues.
  'legal.documents.issue': { label: '印发文件 / 提交决策', roles: ['admin', 'legal', 'leader'] },
  'legal.manage': { label: '管理顾问合同与年度考核', roles: ['admin', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 法律顾问 — the retained legal advisor (firm, contract term), its work records with
 * attachments, normative documents and major decisions (三重一大) with their legality
 * review, and the annual appraisal of the advisor.
 */
export const legalModule = defineModule({
  key: 'legal',
  title: '法律顾问',
  migrations: sqlMigrations('legal', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_normative.sql', '0003_list_indexes.sql']),
  permissions: legalPermissions,
  entities: {
    'legal.contract': { ...legalLabels['legal.contract'], readPermission: 'legal.read', writePermission: 'legal.manage', ...ownedRows('legal_contract') },
    'legal.advice': { ...legalLabels['legal.advice'], readPermission: 'legal.read', writePermission: 'legal.write', ...ownedRows('legal_advice') },
    'legal.document': { ...legalLabels['legal.document'], readPermission: 'legal.read', writePermission: 'legal.write', ...ownedRows('legal_document') },
    'legal.appraisal': { ...legalLabels['legal.appraisal'], readPermission: 'legal.read', writePermission: 'legal.manage', ...ownedRows('legal_appraisal') },
  },
  workflows: [documentWorkflow],
  ledgers: [legalAdviceLedger, normativeDocumentsLedger],
  metrics: [...legalMetrics, ...normativeMetrics],
  routes: legalRoutes,
  demo: loadLegalDemo,
});
