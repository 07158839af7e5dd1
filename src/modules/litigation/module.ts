import { litigationLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { litigationRoutes } from './routes.js';
import { caseWorkflow } from './workflow.js';
import { litigationMetricFamilies, litigationMetrics } from './metrics.js';
import { loadLitigationDemo } from './demo.js';
import { litigationCasesLedger } from './ledgers.js';

/** 法制科 (the `legal` role) handles the cases; leaders and the legal advisor read; a street reads its own. */
export const litigationPermissions = {
  'litigation.read': { label: '查看行政复议、行政诉讼案件', roles: ['admin', 'leader', 'legal', 'advisor', 'street', 'viewer'] },
  'litigation.write': { label: '登记、办理行政复议、行政诉讼案件', roles: ['admin', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 行政复议与行政诉讼 — cases in which the bureau is 被申请人 or 被告: the reply (10 working days,
 * 行政复议法第四十八条) and defence (15 days, 行政诉讼法第六十七条) clocks, hearings with the
 * 负责人出庭应诉 record (行政诉讼法第三条第三款; 行政复议法第五十一条), outcomes with their legal
 * category and whether they count as 纠错 / 败诉, appeals (第八十五条) and the rectification.
 */
export const litigationModule = defineModule({
  key: 'litigation',
  title: '行政复议与行政诉讼',
  migrations: sqlMigrations('litigation', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_hearing_import.sql', '0003_list_indexes.sql']),
  permissions: litigationPermissions,
  entities: {
    'litigation.case': {
      ...litigationLabels['litigation.case'],
      readPermission: 'litigation.read',
      writePermission: 'litigation.write',
      ...ownedRows('lit_case'),
    },
  },
  workflows: [caseWorkflow],
  pii: [{ table: 'lit_case', column: 'claimant_id_no', index: 'claimant_id_index' }],
  ledgers: [litigationCasesLedger],
  metrics: litigationMetrics,
  metricFamilies: litigationMetricFamilies,
  routes: litigationRoutes,
  demo: loadLitigationDemo,
});
