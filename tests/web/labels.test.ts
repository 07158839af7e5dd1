import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase, dbKind } from '../helpers/system.js';
import type { Database } from '../../src/core/db/connect.js';
import { type EntityLabels, KERNEL_LABELS } from '../../src/core/labels.js';
import { modules } from '../../src/modules/index.js';

/** What the test reads of the web's feature registry (web/src/features/registry.ts, type-checked by the web's own tsconfig). */
interface WebRegistry {
  entityLabel(entity: string): string;
  entityActionLabel(entity: string, action: string): string;
  entityFields(entity: string): Record<string, string>;
  entityNoteLabel(entity: string, key: string): string;
  features: ReadonlyArray<{ entities?: Record<string, EntityLabels> }>;
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
/** Every record type the server declares, with its labels: the modules' (src/modules/<m>/labels.ts) and the kernel's. */
const declared: ReadonlyArray<[string, EntityLabels & { records?: { table: string; exclude?: readonly string[] } }]> = [
  ...modules.flatMap((m) => Object.entries(m.entities ?? {})),
  ...Object.entries(KERNEL_LABELS as Record<string, EntityLabels>),
];

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

  it('labels are declared once, by the module that owns the record: the web shows exactly what the server declares', () => {
    const web = new Map(features.flatMap((f) => Object.entries(f.entities ?? {})));
    expect(declared.length).toBeGreaterThan(40);
    const differ = declared.flatMap(([entity, d]) => {
      const w = web.get(entity);
      if (!w) return [`${entity}: no web entity`];
      return (['label', 'fields', 'actions', 'notes'] as const).filter((k) => JSON.stringify(w[k]) !== JSON.stringify(d[k])).map((k) => `${entity}.${k}`);
    });
    expect(differ).toEqual([]);
    // And the web names no record type that no module declares.
    const known = new Set(declared.map(([e]) => e));
    expect([...web.keys()].filter((e) => !known.has(e))).toEqual([]);
  });

  it('every column of a record type’s table that an edit can change has its Chinese name', async () => {
    // Keys, bookkeeping and hashes are never shown as a changed field.
    const NEVER = new Set(['tenant_id', 'id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by', 'import_id', 'search', 'row_hash']);
    const missing: string[] = [];
    for (const [entity, d] of declared) {
      if (!d.records) continue;
      const { rows } = await sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns WHERE table_name = ${d.records.table} ORDER BY ordinal_position`.execute(database.db);
      expect(rows.length, d.records.table).toBeGreaterThan(0);
      // An event names a field as its column (an import, a versioned update) or as the command's input (camelCase).
      const camel = (c: string) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
      for (const { column_name: c } of rows)
        if (!NEVER.has(c) && !d.records.exclude?.includes(c) && !/_(b?idx|index)$/.test(c) && !d.fields?.[c] && !d.fields?.[camel(c)])
          missing.push(`${entity}.${c}`);
    }
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
