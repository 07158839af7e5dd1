/**
 * Record states: the hash of a business record's row after each change the application
 * makes, so that `fazhi audit verify --records` can name records changed, inserted or
 * deleted outside the application (directly in the database).
 */
import type { EntityDef, RecordsDef } from '../module.js';

/** The entities whose rows are hashed, by audit entity name (set once by `openSystem`). */
let stateful = new Map<string, RecordStateDef>();

/** Where an entity's records live. */
export interface RecordStateDef extends RecordsDef {
  entity: string;
  key: string;
}

/** Registers the stateful entities of the running system's modules. */
export function configureRecordStates(entities: ReadonlyMap<string, EntityDef>): void {
  const m = new Map<string, RecordStateDef>();
  for (const [entity, def] of entities) if (def.records) m.set(entity, { ...def.records, entity, key: def.records.key ?? 'id' });
  stateful = m;
}

/** The stateful entity of an audit entity name, if any. */
export function recordStateOf(entity: string): RecordStateDef | undefined {
  return stateful.get(entity);
}
