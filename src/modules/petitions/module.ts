import { defineModule, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { demandEntity, demandWorkflow } from '../demands/index.js';
import { petitionKind } from './kind.js';
import { petitionRoutes } from './routes.js';
import { petitionOnlineRoutes } from './online.js';
import { petitionsLedger } from './ledger.js';
import { petitionMetrics } from './metrics.js';
import { loadPetitionsDemo } from './demo.js';

export const petitionsPermissions = {
  'petitions.read': { label: '查看信访件', roles: ['admin', 'leader', 'clerk', 'legal', 'viewer'] },
  'petitions.write': { label: '办理信访件（登记、受理、处理意见、复查复核）', roles: ['admin', 'clerk'] },
  'petitions.personal': { label: '查看信访人完整联系方式和证件号', roles: ['admin', 'clerk', 'leader'] },
} as const satisfies Record<string, PermissionDef>;

/** 信访 — petitions: 15-day acceptance, 60 (+30) days of handling, 复查 and 复核, flags, satisfaction. */
export const petitionsModule = defineModule({
  key: 'petitions',
  title: '信访',
  migrations: sqlMigrations('petitions', new URL('./migrations/', import.meta.url), ['0001_online.sql']),
  // 网上信访: the petitioner's address, post code and e-mail (the name, phone and number are dm_item's).
  pii: [{ table: 'petitions_online', column: 'applicant' }],
  permissions: petitionsPermissions,
  entities: { 'petitions.petition': demandEntity(petitionKind) },
  workflows: [demandWorkflow(petitionKind)],
  contributes: { 'demands.kind': [petitionKind] },
  ledgers: [petitionsLedger],
  metrics: petitionMetrics,
  routes: async (app) => {
    await petitionRoutes(app);
    await petitionOnlineRoutes(app);
  },
  demo: loadPetitionsDemo,
});
