import { defineModule, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { sharedRoutes } from './routes.js';
import { DEMAND_KIND_POINT, demandKindManifestProblems, demandKindProblems } from './kinds.js';

export const demandsPermissions = {
  'demands.queue': { label: '查看诉求待办队列', roles: ['admin', 'leader', 'clerk', 'legal', 'enforcement', 'street'] },
  'demands.overview': { label: '查看诉求督办总览（逾期、即将到期）', roles: ['admin', 'leader', 'legal', 'clerk'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 诉求办理（共用） — the lifecycle, clock, repository, routes and web pieces that
 * the 12345 hotline, petitions, proposals and disclosure modules share, and the
 * table their records live in. It owns no business rule of its own: each module
 * contributes its kind with its rules to the `demands.kind` extension point
 * (`contributes` in its manifest), checked at start-up.
 */
export const demandsModule = defineModule({
  key: 'demands',
  title: '诉求办理',
  migrations: sqlMigrations('demands', new URL('./migrations/', import.meta.url), [
    '0001_init.sql',
    '0002_person_pii.sql',
    '0003_list_order.sql',
    '0004_list_filters.sql',
    '0005_metric_month.sql',
    '0006_open_tally.sql',
  ]),
  pii: [
    { table: 'dm_item', column: 'person_phone', index: 'person_phone_idx' },
    { table: 'dm_item', column: 'person_id_no' },
  ],
  permissions: demandsPermissions,
  routes: sharedRoutes,
  extensionPoints: {
    [DEMAND_KIND_POINT]: { label: '诉求类型（12345工单、信访件、建议提案、依申请公开）', check: demandKindProblems },
  },
  checks: ({ modules }) => demandKindManifestProblems(modules),
});
