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
function entity(label: string, table: string, key: 'id' | 'duty_date' | 'year' = 'id'): EntityDef {
  return {
    label,
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
    'flood.risk_point': entity('水浸风险点', 'flood_risk_point'),
    'flood.project': entity('内涝治理项目', 'flood_project'),
    'flood.deployment': entity('抢险投入记录', 'flood_deployment'),
    'flood.duty': entity('值班安排', 'flood_duty', 'duty_date'),
    'flood.warning': entity('抗旱防咸预警', 'flood_drought_warning'),
    'flood.work': entity('水利工程责任人', 'flood_work'),
    'flood.disclosure': entity('防汛责任人名单公示', 'flood_disclosure', 'year'),
    // 巡查打卡: those who report a point's progress check in at it (the field app).
    'flood.checkin': { ...entity('巡查打卡', 'flood_patrol_checkin'), writePermission: 'flood.progress' },
  },
  ledgers: floodLedgers,
  metrics: floodMetrics,
  routes: floodRoutes,
  demo: loadFloodDemo,
});
