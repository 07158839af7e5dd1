import { hotlineLabels } from './labels.js';
import { defineModule, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { hotlineRoutes } from './routes.js';
import { hotlineOrdersLedger } from './ledger.js';
import { hotlineMetrics } from './metrics.js';
import { loadHotlineDemo } from './demo.js';
import { demandEntity, demandWorkflow } from '../demands/index.js';
import { hotlineKind } from './kind.js';

export const hotlinePermissionDefs = {
  'hotline.read': { label: '查看12345工单', roles: ['admin', 'leader', 'clerk', 'legal', 'enforcement', 'street', 'viewer'] },
  'hotline.write': { label: '办理12345工单（登记、派单、签收、回复、办结、回访）', roles: ['admin', 'clerk', 'street'] },
  'hotline.personal': { label: '查看诉求人完整联系电话', roles: ['admin', 'clerk', 'leader'] },
  'hotline.push': { label: '12345平台推送工单（接口）', roles: ['admin', 'clerk'] },
  'hotline.settings': { label: '录入全区平均办理时长', roles: ['admin', 'clerk', 'leader'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 12345 政务服务便民热线工单 — intake from the city platform (push API and the
 * `hotline-orders` ledger), 签收 within 1 working day, the order's time limit,
 * reply, closure, callback satisfaction, likely repeats, enforcement clues.
 */
export const hotlineModule = defineModule({
  key: 'hotline',
  title: '12345热线',
  migrations: sqlMigrations('hotline', new URL('./migrations/', import.meta.url), ['0001_init.sql']),
  permissions: hotlinePermissionDefs,
  entities: {
    'hotline.order': demandEntity(hotlineKind),
    // A bureau-wide figure of a year: no unit owns it.
    'hotline.district_avg': { ...hotlineLabels['hotline.district_avg'], readPermission: 'hotline.read', ownerOrg: async () => null },
  },
  workflows: [demandWorkflow(hotlineKind)],
  contributes: { 'demands.kind': [hotlineKind] },
  ledgers: [hotlineOrdersLedger],
  metrics: hotlineMetrics,
  routes: hotlineRoutes,
  demo: loadHotlineDemo,
});
