import { decisionsLabels } from './labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { decisionsRoutes } from './routes.js';
import { decisionWorkflow } from './workflow.js';
import { decisionMetrics } from './metrics.js';
import { loadDecisionsDemo } from './demo.js';
import { majorDecisionsLedger } from './ledgers.js';
import { stepOwnerOrg } from './repository.js';
import { STEPS } from './rules.js';
import type { KernelDB } from '../../core/db/types.js';
import type { Kysely } from 'kysely';

/**
 * The undertaking units and the legal office record the steps; the legal office gives the legality
 * review's opinion; leaders, the advisor and viewers read; a street reads the decisions it undertakes.
 */
export const decisionsPermissions = {
  'decisions.read': {
    label: '查看重大行政决策',
    roles: ['admin', 'leader', 'legal', 'advisor', 'street', 'viewer', 'flood', 'enforcement', 'licensing', 'clerk'],
  },
  'decisions.write': { label: '登记重大行政决策及其程序、目录', roles: ['admin', 'legal', 'leader'] },
  'decisions.review': { label: '出具重大行政决策合法性审查意见', roles: ['admin', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

/**
 * 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号): the annual catalogue of decision items, published
 * (第三条第三款); each decision with the steps the regulation requires — 公众参与 (≥ 30 days of public
 * comment, 第十五条), 专家论证 (第十九条), 风险评估 (第二十二条), 合法性审查 (第二十五条、第二十六条), 集体讨论决定
 * (第三十条), 公布 (第三十二条), 决策后评估 (第三十六条), 归档 (第三十三条) — each with its record, date and
 * attachments; no decision made with a required step missing.
 */
export const decisionsModule = defineModule({
  key: 'decisions',
  title: '重大行政决策',
  migrations: sqlMigrations('decisions', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_list_indexes.sql']),
  permissions: decisionsPermissions,
  entities: {
    'decisions.decision': {
      ...decisionsLabels['decisions.decision'],
      readPermission: 'decisions.read',
      writePermission: 'decisions.write',
      ...ownedRows('dec_decision'),
    },
    /** A step of a decision (`<decision id>:<step>`): the files of its record (会议纪要、审查意见书、评估报告…). */
    'decisions.step': {
      ...decisionsLabels['decisions.step'],
      readPermission: 'decisions.read',
      writePermission: 'decisions.write',
      ownerOrg: (db, tenantId, id) => stepOwnerOrg(db as unknown as Kysely<KernelDB>, tenantId, id, STEPS),
    },
    'decisions.catalogue_item': {
      ...decisionsLabels['decisions.catalogue_item'],
      readPermission: 'decisions.read',
      writePermission: 'decisions.write',
      ...ownedRows('dec_catalogue_item'),
    },
  },
  workflows: [decisionWorkflow],
  ledgers: [majorDecisionsLedger],
  metrics: decisionMetrics,
  routes: decisionsRoutes,
  demo: loadDecisionsDemo,
});
