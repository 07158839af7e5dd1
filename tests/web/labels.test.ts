import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, dbKind } from '../helpers/system.js';
import type { Database } from '../../src/core/db/connect.js';

/** What the test reads of the web's feature registry (web/src/features/registry.ts, type-checked by the web's own tsconfig). */
interface WebRegistry {
  entityLabel(entity: string): string;
  entityActionLabel(entity: string, action: string): string;
  entityFields(entity: string): Record<string, string>;
  entityNoteLabel(entity: string, key: string): string;
  features: ReadonlyArray<{ entities?: Record<string, { actions?: Record<string, string> }> }>;
}
// Imported by a computed path: the server's type check (nodenext) does not follow it into the web's sources.
const webFile = (p: string) => `../../web/src/${p}`;
const { entityActionLabel, entityFields, entityLabel, entityNoteLabel, features } = (await import(webFile('features/registry.ts'))) as WebRegistry;
const { ACTION_LABELS } = (await import(webFile('lib/auditLabels.ts'))) as { ACTION_LABELS: Record<string, string> };

/**
 * Chinese everywhere (issue #14 item 2): every audit entity, verb, field and note key the demo bureau's
 * records carry has its Chinese name in the web's feature registry — what the history drawer and the audit
 * log show. The demo loads every module's year through the modules' own commands, so its events are the
 * verbs and fields the code emits; the source scan adds the verbs only live work emits.
 */
const KEY = /^[a-z]+(?:[_.][a-z]+)+$|^[a-z]+[A-Z][A-Za-z]*$/;

// Engine-independent: run once, on the embedded database.
describe.runIf(dbKind === 'pglite')('labels', () => {
  let database: Database;
  beforeAll(async () => {
    database = await cloneDatabase('demo');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('every entity and verb in the demo’s audit log has its Chinese name', async () => {
    const { rows } = await sql<{ entity: string; action: string }>`SELECT DISTINCT entity, action FROM audit_event`.execute(database.db);
    expect(rows.length).toBeGreaterThan(30);
    const missing = rows.flatMap((r) => [
      ...(entityLabel(r.entity) === r.entity ? [`entity ${r.entity}`] : []),
      ...(entityActionLabel(r.entity, r.action) === r.action ? [`verb ${r.entity}.${r.action}`] : []),
    ]);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('every field a demo event changed, and every key of its note, has its Chinese name', async () => {
    const fields = await sql<{ entity: string; field: string }>`
      SELECT DISTINCT entity, f->>'field' AS field FROM audit_event, jsonb_array_elements(changes->'fields') f`.execute(database.db);
    const notes = await sql<{ entity: string; key: string }>`
      SELECT DISTINCT entity, k AS key FROM audit_event, jsonb_object_keys(CASE WHEN jsonb_typeof(changes->'note') = 'object' THEN changes->'note' ELSE '{}'::jsonb END) k`.execute(
      database.db,
    );
    expect(fields.rows.length).toBeGreaterThan(100);
    const missing = [
      ...fields.rows.filter((r) => !entityFields(r.entity)[r.field]).map((r) => `field ${r.entity}.${r.field}`),
      ...notes.rows.filter((r) => entityNoteLabel(r.entity, r.key) === r.key && KEY.test(r.key)).map((r) => `note ${r.entity}.${r.key}`),
    ];
    expect(missing).toEqual([]);
  });

  it('every audit verb written in the source has a Chinese name on some entity or among the shared ones', () => {
    const verbs = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
          // An audit call names its entity, then its verb (other `action:` keys — an import row's, a batch's — do not).
          for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bentity: [^,\n]+,[^;]{0,200}?\baction: '([a-z_]+)'(?=\s*[,}\n])/g)) verbs.add(m[1]!);
      }
    };
    walk(path.resolve('src'));
    expect(verbs.size).toBeGreaterThan(20);
    const named = new Set([
      ...Object.keys(ACTION_LABELS),
      ...features.flatMap((f) => Object.values(f.entities ?? {}).flatMap((e) => Object.keys(e.actions ?? {}))),
    ]);
    expect([...verbs].filter((v) => !named.has(v)).sort()).toEqual([]);
  });
});
