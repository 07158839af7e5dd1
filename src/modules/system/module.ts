import { systemLabels } from './labels.js';
import { defineModule } from '../../core/module.js';
import { permissions } from './permissions.js';
import { systemRoutes } from './routes.js';
import { orgsLedger } from './orgsLedger.js';
import { orgStreets } from './metrics.js';
import { loadSystemDemo } from './demo.js';
import { isUuid } from '../../core/ids.js';
import { orgIdOf, userOrgOf } from './repository.js';

/** 系统管理 — orgs, users, roles, the calendar override table and the audit viewer. */
export const systemModule = defineModule({
  key: 'system',
  title: '系统管理',
  permissions,
  entities: {
    org: {
      ...systemLabels.org,
      readPermission: 'system.orgs.read',
      writePermission: 'system.orgs.manage',
      records: { table: 'org' },
      ownerOrg: async (db, tenantId, id) => (isUuid(id) ? orgIdOf(db, tenantId, id) : undefined),
    },
    user: {
      ...systemLabels.user,
      readPermission: 'system.users.read',
      writePermission: 'system.users.manage',
      // Login bookkeeping changes without an event; the password hash changes with one.
      records: { table: 'app_user', exclude: ['failed_attempts', 'locked_until'] },
      ownerOrg: async (db, tenantId, id) => (isUuid(id) ? userOrgOf(db, tenantId, id) : undefined),
    },
    api_key: {
      ...systemLabels.api_key,
      readPermission: 'system.apikeys.manage',
      writePermission: 'system.apikeys.manage',
      // A key belongs to the bureau, not to a unit.
      ownerOrg: async () => null,
    },
  },
  ledgers: [orgsLedger],
  metrics: [orgStreets],
  routes: systemRoutes,
  demo: loadSystemDemo,
});
