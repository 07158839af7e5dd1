import type { EntityLabels } from '../../core/labels.js';
import { inspectionsLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { inspectionRoutes } from './routes.js';
import { inspectionMetricFamilies, inspectionMetrics } from './metrics.js';
import { loadInspectionsDemo } from './demo.js';
import { planWorkflow, recordWorkflow, taskWorkflow } from './workflow.js';
import { inspectionRecordsLedger } from './ledgers.js';

export const inspectionPermissions = {
  'inspections.read': { label: '查看双随机抽查与行政检查', roles: ['admin', 'leader', 'legal', 'enforcement', 'street', 'viewer'] },
  'inspections.write': { label: '登记抽查结果与行政检查', roles: ['admin', 'enforcement', 'street'] },
  'inspections.manage': { label: '维护抽查名录、抽查计划与年度检查计划', roles: ['admin', 'enforcement', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

const entity = (labels: EntityLabels, table: string, write = 'inspections.manage') => ({
  ...labels,
  readPermission: 'inspections.read',
  writePermission: write,
  ...ownedRows(table),
});

/**
 * 双随机、一公开 — the random-inspection item list, the registers of entities and
 * inspectors (with conflicts of interest), annual plans with sampling ratios, the
 * reproducible draw (seed + named algorithm; re-running verifies it), results and
 * their publication within 20 working days.
 */
export const inspectionsModule = defineModule({
  key: 'inspections',
  title: '双随机、一公开',
  migrations: sqlMigrations('inspections', new URL('./migrations/', import.meta.url), [
    '0001_init.sql',
    '0002_records.sql',
    '0003_list_indexes.sql',
    '0004_register_list_indexes.sql',
  ]),
  permissions: inspectionPermissions,
  entities: {
    'inspections.item': entity(inspectionsLabels['inspections.item'], 'insp_item'),
    'inspections.entity': entity(inspectionsLabels['inspections.entity'], 'insp_entity'),
    'inspections.inspector': entity(inspectionsLabels['inspections.inspector'], 'insp_inspector'),
    'inspections.plan': entity(inspectionsLabels['inspections.plan'], 'insp_plan'),
    'inspections.task': entity(inspectionsLabels['inspections.task'], 'insp_task', 'inspections.write'),
    'inspections.record': entity(inspectionsLabels['inspections.record'], 'insp_record', 'inspections.write'),
    'inspections.annual_plan': entity(inspectionsLabels['inspections.annual_plan'], 'insp_annual_plan'),
  },
  workflows: [planWorkflow, taskWorkflow, recordWorkflow],
  ledgers: [inspectionRecordsLedger],
  metrics: inspectionMetrics,
  metricFamilies: inspectionMetricFamilies,
  routes: inspectionRoutes,
  demo: loadInspectionsDemo,
});
