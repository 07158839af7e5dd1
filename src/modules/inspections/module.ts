import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { inspectionRoutes } from './routes.js';
import { inspectionMetrics } from './metrics.js';
import { loadInspectionsDemo } from './demo.js';
import { planWorkflow, taskWorkflow } from './workflow.js';

export const inspectionPermissions = {
  'inspections.read': { label: '查看双随机抽查', roles: ['admin', 'leader', 'legal', 'enforcement', 'viewer'] },
  'inspections.write': { label: '登记抽查结果与公示', roles: ['admin', 'enforcement'] },
  'inspections.manage': { label: '维护抽查名录、计划与抽取', roles: ['admin', 'enforcement', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

const entity = (label: string, table: string, write = 'inspections.manage') => ({
  label,
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
  migrations: sqlMigrations('inspections', new URL('./migrations/', import.meta.url), ['0001_init.sql']),
  permissions: inspectionPermissions,
  entities: {
    'inspections.item': entity('抽查事项', 'insp_item'),
    'inspections.entity': entity('检查对象', 'insp_entity'),
    'inspections.inspector': entity('执法检查人员', 'insp_inspector'),
    'inspections.plan': entity('抽查计划', 'insp_plan'),
    'inspections.task': entity('抽查任务', 'insp_task', 'inspections.write'),
  },
  workflows: [planWorkflow, taskWorkflow],
  metrics: inspectionMetrics,
  routes: inspectionRoutes,
  demo: loadInspectionsDemo,
});
