import { defineModule, sqlMigrations } from '../../core/module.js';
import { permissions } from './permissions.js';
import { enforcementRoutes } from './routes.js';
import { enforcementMetrics } from './metrics.js';
import { itemsLedger, officersLedger, penaltyCasesLedger } from './ledgers.js';
import { loadEnforcementDemo } from './demo.js';
import { caseWorkflow, validateWorkflow } from './workflow.js';

// The workflow matrix is checked when the module loads (start-up), not when a case first hits a bad row.
validateWorkflow(caseWorkflow);

const byId = (table: string) => async (db: import('kysely').Kysely<any>, tenantId: string, id: string) => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const r = await db.selectFrom(table).select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.org_id as string | undefined;
};

/**
 * 行政执法 — penalty cases from clue to archive (workflow matrix, deadlines, legal
 * review, decision documents, case file archive), the item catalogue with discretion
 * benchmarks, officers and certificates, and the bureau's supervision of the streets
 * (case reporting, 案卷评查, street comparison).
 */
export const enforcementModule = defineModule({
  key: 'enforcement',
  title: '行政执法',
  migrations: sqlMigrations('enforcement', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_discretion_base.sql']),
  pii: [{ table: 'enf_case', column: 'party_id_no', index: 'party_id_index' }],
  permissions,
  entities: {
    'enforcement.case': { label: '行政处罚案件', readPermission: 'enforcement.case.read', writePermission: 'enforcement.case.act', ownerOrg: byId('enf_case'), records: { table: 'enf_case' } },
    'enforcement.clue': { label: '案件线索', readPermission: 'enforcement.clue.read', writePermission: 'enforcement.clue.write', ownerOrg: byId('enf_clue'), records: { table: 'enf_clue' } },
    'enforcement.item': { label: '执法事项', readPermission: 'enforcement.catalogue.read', writePermission: 'enforcement.catalogue.manage', ownerOrg: byId('enf_item'), records: { table: 'enf_item' } },
    'enforcement.officer': { label: '执法人员', readPermission: 'enforcement.catalogue.read', writePermission: 'enforcement.catalogue.manage', ownerOrg: byId('enf_officer'), records: { table: 'enf_officer' } },
    'enforcement.review': { label: '案卷评查', readPermission: 'enforcement.review.read', writePermission: 'enforcement.review.manage', ownerOrg: byId('enf_review'), records: { table: 'enf_review' } },
  },
  ledgers: [penaltyCasesLedger, itemsLedger, officersLedger],
  metrics: enforcementMetrics,
  routes: enforcementRoutes,
  demo: loadEnforcementDemo,
});
