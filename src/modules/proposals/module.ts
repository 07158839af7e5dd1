import { defineModule, type PermissionDef } from '../../core/module.js';
import { demandEntity, demandWorkflow } from '../demands/index.js';
import { proposalKind } from './kind.js';
import { proposalRoutes } from './routes.js';
import { proposalsLedger } from './ledger.js';
import { proposalMetrics } from './metrics.js';
import { loadProposalsDemo } from './demo.js';

export const proposalsPermissions = {
  'proposals.read': { label: '查看人大建议政协提案', roles: ['admin', 'leader', 'clerk', 'legal', 'viewer'] },
  'proposals.write': { label: '办理人大建议政协提案', roles: ['admin', 'clerk'] },
} as const satisfies Record<string, PermissionDef>;

/** 人大代表建议、政协提案 — 3-month reply (6 for difficult ones), co-handler opinion in 1 month, A/B/C/D, reply letter, feedback. */
export const proposalsModule = defineModule({
  key: 'proposals',
  title: '建议提案',
  permissions: proposalsPermissions,
  entities: { 'proposals.proposal': demandEntity(proposalKind) },
  workflows: [demandWorkflow(proposalKind)],
  contributes: { 'demands.kind': [proposalKind] },
  ledgers: [proposalsLedger],
  metrics: proposalMetrics,
  routes: proposalRoutes,
  demo: loadProposalsDemo,
});
