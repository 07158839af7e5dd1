import { defineModule, sqlMigrations } from '../../core/module.js';
import type { PermissionDef } from '../../core/module.js';
import { publicityRoutes } from './routes.js';
import { creditItems } from './metrics.js';

export const publicityPermissions = {
  'publicity.read': { label: '查看双公示台账', roles: ['admin', 'leader', 'legal', 'enforcement', 'licensing', 'street', 'viewer'] },
  'publicity.export': { label: '导出双公示数据', roles: ['admin', 'legal', 'enforcement', 'licensing'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 双公示 — publication of penalty and licensing decisions: the 7-working-day
 * term, the public page (masked), the credit platform's export, withdrawals.
 */
export const publicityModule = defineModule({
  key: 'publicity',
  title: '双公示',
  migrations: sqlMigrations('publicity', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_list_indexes.sql']),
  pii: [{ table: 'pub_decision', column: 'party_id_no' }],
  permissions: publicityPermissions,
  metrics: [creditItems],
  routes: publicityRoutes,
});
