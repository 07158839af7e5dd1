import type { EntityDef } from '../../core/module.js';
import type { DemandKindDef } from './kinds.js';
import { dm } from './repository.js';
import { isUuid } from '../../core/ids.js';

/** The manifest entity of a demand kind, so the kernel serves its history and attachments within scope. */
export function demandEntity(def: DemandKindDef): EntityDef {
  return {
    label: def.label,
    readPermission: def.permissions.read,
    writePermission: def.permissions.write,
    records: { table: 'dm_item', filter: { kind: def.kind } },
    async ownerOrg(db, tenantId, id) {
      if (!isUuid(id)) return undefined;
      const r = await dm(db)
        .selectFrom('dm_item')
        .select('org_id')
        .where('tenant_id', '=', tenantId)
        .where('kind', '=', def.kind)
        .where('id', '=', id)
        .executeTakeFirst();
      return r?.org_id;
    },
  };
}
