import { disclosureLabels } from './labels.js';
import { defineModule, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { demandEntity, demandWorkflow } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { disclosureRoutes } from './routes.js';
import { disclosureOnlineRoutes } from './online.js';
import { proactiveLedger, requestsLedger } from './ledger.js';
import { disclosureMetrics } from './metrics.js';
import { loadDisclosureDemo } from './demo.js';
import { proactiveOwnerOrg } from './repository.js';

export const disclosurePermissions = {
  'disclosure.read': { label: '查看政府信息公开申请和主动公开', roles: ['admin', 'leader', 'clerk', 'legal', 'viewer'] },
  'disclosure.write': { label: '办理政府信息公开申请、登记主动公开', roles: ['admin', 'clerk', 'legal'] },
  'disclosure.personal': { label: '查看申请人完整联系方式和证件号', roles: ['admin', 'clerk', 'legal'] },
  'disclosure.report': { label: '编制政府信息公开工作年度报告', roles: ['admin', 'leader', 'clerk', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

/** 政府信息公开 — requests (20 + 20 working days), proactive disclosures, and the annual report. */
export const disclosureModule = defineModule({
  key: 'disclosure',
  title: '政府信息公开',
  migrations: sqlMigrations('disclosure', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_online.sql']),
  // 网络申请: the applicant's address, post code and e-mail (the name, phone and number are dm_item's).
  pii: [{ table: 'disclosure_online', column: 'applicant' }],
  permissions: disclosurePermissions,
  entities: {
    'disclosure.request': demandEntity(disclosureKind),
    'disclosure.proactive': {
      ...disclosureLabels['disclosure.proactive'],
      readPermission: 'disclosure.read',
      writePermission: 'disclosure.write',
      records: { table: 'disclosure_proactive' },
      ownerOrg: proactiveOwnerOrg,
    },
  },
  workflows: [demandWorkflow(disclosureKind)],
  contributes: { 'demands.kind': [disclosureKind] },
  ledgers: [requestsLedger, proactiveLedger],
  metrics: disclosureMetrics,
  routes: async (app) => {
    await disclosureRoutes(app);
    await disclosureOnlineRoutes(app);
  },
  demo: loadDisclosureDemo,
});
