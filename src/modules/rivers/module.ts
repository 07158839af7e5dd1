import type { EntityLabels } from '../../core/labels.js';
import { riversLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type EntityDef, type PermissionDef } from '../../core/module.js';
import { ROLE_KEYS } from '../../core/auth/roles.js';
import { riversRoutes } from './routes.js';
import { riversLedgers } from './ledgers.js';
import { riversMetrics, sectionClass, sectionClassMean } from './metrics.js';
import { loadRiversDemo } from './demo.js';

/** 河涌水质 permissions: everyone reads (a street its own rivers); the bureau keeps the register; streets also record samples and handle their alerts. */
export const riversPermissions = {
  'rivers.read': { label: '查看河涌与水质', roles: ROLE_KEYS },
  'rivers.write': { label: '维护河涌名录', roles: ['admin', 'flood'] },
  'rivers.samples': { label: '录入水质监测', roles: ['admin', 'flood', 'street'] },
  'rivers.alerts': { label: '处置黑臭预警', roles: ['admin', 'flood', 'street'] },
} as const satisfies Record<string, PermissionDef>;

function entity(labels: EntityLabels, table: string): EntityDef {
  return { ...labels, readPermission: 'rivers.read', writePermission: 'rivers.write', ...ownedRows(table) };
}

/**
 * 河涌水质 — the river register with sections and river chiefs, water samples
 * (GB 3838-2002 class, black-odour grade), alerts to the river's owner, trends and
 * a section's class over a period.
 */
export const riversModule = defineModule({
  key: 'rivers',
  title: '河涌水质',
  migrations: sqlMigrations('rivers', new URL('./migrations/', import.meta.url), [
    '0001_init.sql',
    '0002_water_type.sql',
    '0003_field_sample.sql',
    '0004_list_indexes.sql',
    '0005_alert_list_indexes.sql',
  ]),
  permissions: riversPermissions,
  entities: {
    'rivers.river': entity(riversLabels['rivers.river'], 'river'),
    // Who records samples may attach their photos (the field app's 水质采样).
    'rivers.sample': { ...entity(riversLabels['rivers.sample'], 'water_sample'), writePermission: 'rivers.samples' },
    'rivers.alert': entity(riversLabels['rivers.alert'], 'river_alert'),
  },
  ledgers: riversLedgers,
  metrics: riversMetrics,
  metricFamilies: [sectionClass, sectionClassMean],
  routes: riversRoutes,
  demo: loadRiversDemo,
});
