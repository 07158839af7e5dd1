import { demandRecordLabels } from './labels.js';
import type { EntityDef } from '../../core/module.js';
import type { DemandKindDef } from './kinds.js';
import { demandOwnerOrg } from './repository.js';

/** The manifest entity of a demand kind, so the kernel serves its history and attachments within scope. */
export function demandEntity(def: DemandKindDef): EntityDef {
  return {
    ...demandRecordLabels,
    label: def.label,
    readPermission: def.permissions.read,
    writePermission: def.permissions.write,
    records: { table: 'dm_item', filter: { kind: def.kind } },
    ownerOrg: (db, tenantId, id) => demandOwnerOrg(db, tenantId, { kind: def.kind, id }),
  };
}
