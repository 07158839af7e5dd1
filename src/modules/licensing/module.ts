import { licensingLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { licensingRoutes } from './routes.js';
import { licensingMetrics } from './metrics.js';
import { permitItemsLedger, permitsLedger } from './ledgers.js';
import { loadLicensingDemo } from './demo.js';
import { permitWorkflow } from './workflow.js';

export const licensingPermissions = {
  'licensing.read': { label: '查看行政许可', roles: ['admin', 'leader', 'legal', 'licensing', 'viewer'] },
  'licensing.write': { label: '办理行政许可', roles: ['admin', 'licensing'] },
  'licensing.items.manage': { label: '维护许可事项目录', roles: ['admin', 'licensing'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 行政许可 — the permit-item catalogue (statutory and committed time limits, 政务云窗)
 * and permit cases with their statutory clocks: 受理 with the 5-working-day correction
 * rule, decision within the committed term (statutory 20 + 10 the hard bound, excluded
 * periods), certificate within 10 and publication within 7 working days (双公示).
 */
export const licensingModule = defineModule({
  key: 'licensing',
  title: '行政许可',
  migrations: sqlMigrations('licensing', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_list_indexes.sql']),
  permissions: licensingPermissions,
  entities: {
    'licensing.item': {
      ...licensingLabels['licensing.item'],
      readPermission: 'licensing.read',
      writePermission: 'licensing.items.manage',
      ...ownedRows('lic_item'),
    },
    'licensing.permit': {
      ...licensingLabels['licensing.permit'],
      readPermission: 'licensing.read',
      writePermission: 'licensing.write',
      ...ownedRows('lic_permit'),
    },
  },
  workflows: [permitWorkflow],
  ledgers: [permitItemsLedger, permitsLedger],
  metrics: licensingMetrics,
  routes: licensingRoutes,
  demo: loadLicensingDemo,
});
