/**
 * Record states: the hash of a business record's row after each change the application
 * makes, so that `fazhi audit verify --records` can name records changed, inserted or
 * deleted outside the application (directly in the database).
 */
import type { EntityDef } from '../module.js';

/** The entities whose rows are hashed, by audit entity name (set once by `openSystem`). */
let stateful = new Map<string, RecordStateDef>();

/** Where an entity's records live: the table (keyed by tenant_id, id). */
export interface RecordStateDef {
  entity: string;
  table: string;
}

/** Registers the stateful entities of the running system's modules. */
export function configureRecordStates(entities: ReadonlyMap<string, EntityDef>): void {
  const m = new Map<string, RecordStateDef>();
  for (const [entity, def] of entities) if (def.table) m.set(entity, { entity, table: def.table });
  stateful = m;
}

/** The stateful entity of an audit entity name, if any. */
export function recordStateOf(entity: string): RecordStateDef | undefined {
  return stateful.get(entity);
}
