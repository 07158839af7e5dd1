import { enforcementLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations } from '../../core/module.js';
import { permissions } from './permissions.js';
import { enforcementRoutes } from './routes.js';
import { enforcementMetrics } from './metrics.js';
import { itemsLedger, officersLedger, penaltyCasesLedger } from './ledgers.js';
import { loadEnforcementDemo } from './demo.js';
import { caseWorkflow } from './workflow.js';
import { clueWorkflow } from './clueWorkflow.js';

/**
 * 行政执法 — penalty cases from clue to archive (workflow matrix, deadlines, legal
 * review, decision documents, case file archive), the item catalogue with discretion
 * benchmarks, officers and certificates, and the bureau's supervision of the streets
 * (case reporting, 案卷评查, street comparison).
 */
export const enforcementModule = defineModule({
  key: 'enforcement',
  title: '行政执法',
  migrations: sqlMigrations('enforcement', new URL('./migrations/', import.meta.url), [
    '0001_init.sql',
    '0002_discretion_base.sql',
    '0003_decision_service.sql',
    '0004_limitation_address.sql',
    '0005_field_capture.sql',
    '0006_list_indexes.sql',
    '0007_officer_list_indexes.sql',
    '0008_metric_month.sql',
  ]),
  workflows: [caseWorkflow, clueWorkflow],
  pii: [{ table: 'enf_case', column: 'party_id_no', index: 'party_id_index' }],
  permissions,
  entities: {
    'enforcement.case': {
      ...enforcementLabels['enforcement.case'],
      readPermission: 'enforcement.case.read',
      writePermission: 'enforcement.case.act',
      ...ownedRows('enf_case'),
    },
    'enforcement.clue': {
      ...enforcementLabels['enforcement.clue'],
      readPermission: 'enforcement.clue.read',
      writePermission: 'enforcement.clue.write',
      ...ownedRows('enf_clue'),
    },
    'enforcement.item': {
      ...enforcementLabels['enforcement.item'],
      readPermission: 'enforcement.catalogue.read',
      writePermission: 'enforcement.catalogue.manage',
      ...ownedRows('enf_item'),
    },
    'enforcement.officer': {
      ...enforcementLabels['enforcement.officer'],
      readPermission: 'enforcement.catalogue.read',
      writePermission: 'enforcement.catalogue.manage',
      ...ownedRows('enf_officer'),
    },
    'enforcement.legal_reviewer': {
      ...enforcementLabels['enforcement.legal_reviewer'],
      readPermission: 'enforcement.catalogue.read',
      writePermission: 'enforcement.catalogue.manage',
      ...ownedRows('enf_legal_reviewer'),
    },
    'enforcement.review': {
      ...enforcementLabels['enforcement.review'],
      readPermission: 'enforcement.review.read',
      writePermission: 'enforcement.review.manage',
      ...ownedRows('enf_review'),
    },
    'enforcement.payment_place': {
      ...enforcementLabels['enforcement.payment_place'],
      readPermission: 'enforcement.case.read',
      writePermission: 'enforcement.catalogue.manage',
      ...ownedRows('enf_payment_place'),
    },
  },
  ledgers: [penaltyCasesLedger, itemsLedger, officersLedger],
  metrics: enforcementMetrics,
  routes: enforcementRoutes,
  demo: loadEnforcementDemo,
});
