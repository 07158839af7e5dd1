import type { EntityLabels } from '../../core/labels.js';
import { floodLabels } from './labels.js';
import { defineModule, sqlMigrations } from '../../core/module.js';
import type { EntityDef } from '../../core/module.js';
import { isUuid } from '../../core/ids.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { floodPermissions } from './permissions.js';
import { floodRoutes } from './routes.js';
import { floodLedgers } from './ledgers.js';
import { floodMetrics } from './metrics.js';
import { loadFloodDemo } from './demo.js';
import { FLOOD_PII } from './pii.js';
import { ownerOrgOf } from './repository.js';

/** An entity whose record lives in `table`, owned by its `org_id`. */
function entity(labels: EntityLabels, table: string, key: 'id' | 'duty_date' | 'year' = 'id'): EntityDef {
  return {
    ...labels,
    readPermission: 'flood.read',
    writePermission: 'flood.write',
    records: { table, key },
    async ownerOrg(db, tenantId, id) {
      if (key === 'id' && !isUuid(id)) return undefined;
      if (key === 'duty_date' && !isIsoDate(id)) return undefined;
      if (key === 'year' && !/^\d{4}$/.test(id)) return undefined;
      return ownerOrgOf(db, { table, key, tenantId, id });
    },
  };
}

/**
 * 防汛 — flood-risk points (with their three ledgers), waterlogging works, the duty
 * roster, deployments, drought / salt-tide dispatch, and the responsible persons of
 * water works with their annual public disclosure.
 */
export const floodModule = defineModule({
  key: 'flood',
  title: '防汛',
  migrations: sqlMigrations('flood', new URL('./migrations/', import.meta.url), [
    '0001_init.sql',
    '0002_progress_import.sql',
    '0003_phone_pii.sql',
    '0004_patrol_checkin.sql',
    '0005_list_indexes.sql',
    '0006_register_list_indexes.sql',
  ]),
  pii: FLOOD_PII,
  permissions: floodPermissions,
  entities: {
    'flood.risk_point': entity(floodLabels['flood.risk_point'], 'flood_risk_point'),
    'flood.project': entity(floodLabels['flood.project'], 'flood_project'),
    'flood.deployment': entity(floodLabels['flood.deployment'], 'flood_deployment'),
    'flood.duty': entity(floodLabels['flood.duty'], 'flood_duty', 'duty_date'),
    'flood.warning': entity(floodLabels['flood.warning'], 'flood_drought_warning'),
    'flood.work': entity(floodLabels['flood.work'], 'flood_work'),
    'flood.disclosure': entity(floodLabels['flood.disclosure'], 'flood_disclosure', 'year'),
    // 巡查打卡: those who report a point's progress check in at it (the field app).
    'flood.checkin': { ...entity(floodLabels['flood.checkin'], 'flood_patrol_checkin'), writePermission: 'flood.progress' },
  },
  ledgers: floodLedgers,
  metrics: floodMetrics,
  routes: floodRoutes,
  demo: loadFloodDemo,
});
