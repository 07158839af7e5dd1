/**
 * Staff phones (duty roster, water works' responsible persons) are stored encrypted with a
 * blind index, like citizens' identifiers: rows from before the change are sealed without
 * loss (idempotently, in chunks), pages show the phone to those who may read it, and the
 * ledgers' files still carry it (LEDGERS.md: export → import round-trips).
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login } from '../../helpers/http.js';
import { openSystem } from '../../../src/core/system.js';
import { modules } from '../../../src/modules/index.js';
import { importLedger } from '../../../src/core/ledger/ledger.js';
import { writeCsv, writeXlsx } from '../../../src/core/ledger/write.js';
import { decryptPii, piiIndex } from '../../../src/core/crypto/pii.js';
import { sealPlaintext } from '../../../src/core/crypto/columns.js';
import { serverSuite } from '../../helpers/server.js';
import { FLOOD_PII } from '../../../src/modules/flood/pii.js';

const env = serverSuite({ flood: 'flood' });

const PHONE = /^1\d{10}$/;
type Duty = { id: string; phone: string | null; phone_idx: string | null };
type Work = {
  id: string;
  admin_phone: string | null;
  admin_phone_idx: string | null;
  tech_phone: string | null;
  tech_phone_idx: string | null;
  patrol_phone: string | null;
  patrol_phone_idx: string | null;
};
const duty = async () => (await sql<Duty>`SELECT id, phone, phone_idx FROM flood_duty ORDER BY id`.execute(env.sys.db)).rows;
const works = async () =>
  (
    await sql<Work>`SELECT id, admin_phone, admin_phone_idx, tech_phone, tech_phone_idx, patrol_phone, patrol_phone_idx FROM flood_work ORDER BY id`.execute(
      env.sys.db,
    )
  ).rows;

describe('staff phones at rest', () => {
  it('are stored encrypted with their blind index, never in clear', async () => {
    const d = await duty();
    expect(d.length).toBeGreaterThan(100);
    for (const r of d) {
      expect(r.phone).toMatch(/^v1\./);
      expect(r.phone_idx).toBe(piiIndex(decryptPii(r.phone)));
      expect(decryptPii(r.phone)).toMatch(PHONE);
    }
    const w = await works();
    for (const r of w)
      for (const k of ['admin', 'tech', 'patrol'] as const) {
        expect(r[`${k}_phone`]).toMatch(/^v1\./);
        expect(r[`${k}_phone_idx`]).toBe(piiIndex(decryptPii(r[`${k}_phone`])));
      }
    const dump = JSON.stringify([d, w]);
    expect(dump).not.toMatch(/"1[3-9]\d{9}"/);
  });

  it('a phone finds its duty lines and works through the blind index', async () => {
    const [w] = await works();
    const phone = decryptPii(w!.tech_phone)!;
    const found = await sql<{
      id: string;
    }>`SELECT id FROM flood_work WHERE tenant_id = ${env.tenantId} AND ${piiIndex(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`)} IN (admin_phone_idx, tech_phone_idx, patrol_phone_idx)`.execute(
      env.sys.db,
    );
    expect(found.rows.map((r) => r.id)).toContain(w!.id);
  });

  it('rows written in clear before the change are sealed on start, without loss, in chunks, once', async () => {
    // Put the store back as migration 0003 found it: plain phones, no index.
    const before = new Map((await duty()).map((r) => [r.id, decryptPii(r.phone)]));
    const worksBefore = new Map((await works()).map((r) => [r.id, [decryptPii(r.admin_phone), decryptPii(r.tech_phone), decryptPii(r.patrol_phone)]]));
    for (const [id, p] of before) await sql`UPDATE flood_duty SET phone = ${p}, phone_idx = NULL WHERE id = ${id}`.execute(env.sys.db);
    for (const [id, [a, t, p]] of worksBefore)
      await sql`UPDATE flood_work SET admin_phone = ${a}, admin_phone_idx = NULL, tech_phone = ${t}, tech_phone_idx = NULL, patrol_phone = ${p}, patrol_phone_idx = NULL WHERE id = ${id}`.execute(
        env.sys.db,
      );
    expect((await duty()).every((r) => r.phone === null || PHONE.test(r.phone))).toBe(true);
    // A page read before the start-up step still shows the phone.
    const page = (await env.flood.req('GET', '/api/flood/works')).body.data.works;
    expect(page[0].admin.phone).toMatch(PHONE);

    const sealed = await sealPlaintext(env.sys.db, FLOOD_PII, 17);
    expect(sealed).toBe(before.size + 3 * worksBefore.size);
    for (const r of await duty()) {
      expect(r.phone).toMatch(/^v1\./);
      expect(decryptPii(r.phone)).toBe(before.get(r.id));
      expect(r.phone_idx).toBe(piiIndex(before.get(r.id)));
    }
    for (const r of await works()) expect([decryptPii(r.admin_phone), decryptPii(r.tech_phone), decryptPii(r.patrol_phone)]).toEqual(worksBefore.get(r.id));
    // Idempotent: nothing left to seal, the ciphertexts stay as they are.
    const snapshot = JSON.stringify(await duty());
    expect(await sealPlaintext(env.sys.db, FLOOD_PII)).toBe(0);
    expect(JSON.stringify(await duty())).toBe(snapshot);

    // The start-up step is the one that runs it.
    await sql`UPDATE flood_duty SET phone = '13800001234', phone_idx = NULL WHERE id = ${[...before.keys()][0]!}`.execute(env.sys.db);
    await openSystem({ modules, database: env.sys.database, filesDir: '/nonexistent-not-used', keyDir: env.sys.keys.dir });
    const r = (await duty()).find((x) => x.id === [...before.keys()][0]);
    expect(decryptPii(r!.phone)).toBe('13800001234');
    expect(r!.phone_idx).toBe(piiIndex('13800001234'));
  });
});

describe('pages and ledgers', () => {
  it('the duty page shows the phone in full to the flood office, masked to a viewer', async () => {
    const full = (await env.flood.req('GET', '/api/flood/duty?from=2022-06-01&to=2022-06-01')).body.data.entries;
    expect(full.length).toBeGreaterThan(0);
    for (const e of full) expect(e.phone).toMatch(PHONE);
    const viewer = await login(env.app, 'viewer');
    const masked = (await viewer.req('GET', '/api/flood/duty?from=2022-06-01&to=2022-06-01')).body.data.entries;
    for (const e of masked) expect(e.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it.each(['duty-roster', 'flood-works'])('%s: the exported file shows the phones, and importing it back changes nothing', async (key) => {
    const def = env.sys.registry.ledgers.get(key)!;
    const rows = (await def.exportRows(env.ctx)) as Record<string, unknown>[];
    const phones = rows
      .flatMap((r: any) =>
        Object.entries(r)
          .filter(([k]) => /phone/i.test(k))
          .map(([, v]) => v),
      )
      .filter(Boolean);
    expect(phones.length).toBeGreaterThan(10);
    for (const p of phones) expect(p).toMatch(PHONE);
    const csv = writeCsv(def.spec, rows, { encoding: 'utf8-bom' });
    expect(csv.toString('utf8')).toContain(String(phones[0]));
    const xlsx = await writeXlsx(def.spec, rows);
    const before = JSON.stringify(key === 'duty-roster' ? await duty() : await works());
    const res = await importLedger(env.sys, env.ctx, def, { file: { data: xlsx, filename: `${def.spec.title}.xlsx` } });
    expect(res).toMatchObject({ ok: true, created: 0, updated: 0 });
    // Nothing rewritten: not even a fresh ciphertext of the same phone.
    expect(JSON.stringify(key === 'duty-roster' ? await duty() : await works())).toBe(before);
  });

  it('flood-works: a changed phone in the file is stored encrypted and reads back', async () => {
    const def = env.sys.registry.ledgers.get('flood-works')!;
    const rows = (await def.exportRows(env.ctx)) as Array<Record<string, unknown>>;
    rows[0]!.techPhone = '13912345678';
    const res = await importLedger(env.sys, env.ctx, def, { file: { data: await writeXlsx(def.spec, rows), filename: 'works.xlsx' } });
    expect(res).toMatchObject({ ok: true, created: 0, updated: 1 });
    const stored = (await sql<Work>`SELECT * FROM flood_work WHERE name = ${rows[0]!.name as string}`.execute(env.sys.db)).rows[0]!;
    expect(stored.tech_phone).toMatch(/^v1\./);
    expect(decryptPii(stored.tech_phone)).toBe('13912345678');
    expect(stored.tech_phone_idx).toBe(piiIndex('13912345678'));
    const again = (await def.exportRows(env.ctx)) as Array<Record<string, unknown>>;
    expect(again.find((r) => r.name === rows[0]!.name)!.techPhone).toBe('13912345678');
  });
});
