/**
 * Keys outside the data folder, and rotation of the personal-identifier key: a copy of the
 * data folder alone does not decrypt; keys from an older install move out of the data folder;
 * `rotatePiiKey` re-encrypts every declared column and recomputes every blind index, and a
 * crash between the database's commit and the key file's rename is recovered on the next start.
 */
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSystem, type System } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import { createTenant } from '../../src/core/tenant.js';
import { configurePii, decryptPii, derivePiiKeys, encryptPii, piiIndex } from '../../src/core/crypto/pii.js';
import { openPiiKey, piiColumns, rotatePiiKey } from '../../src/core/crypto/columns.js';
import { entitiesOfTables, sealRecords, verifyRecords } from '../../src/core/audit/records.js';
import { write } from '../../src/core/audit/audit.js';
import { systemActor } from '../../src/core/context.js';
import { dbKind, testSystem } from '../helpers/system.js';
import type { PiiColumnDef } from '../../src/core/module.js';
import { submitOnline } from '../../src/modules/demands/index.js';
import { disclosureOnline } from '../../src/modules/disclosure/online.js';
import { petitionOnline } from '../../src/modules/petitions/online.js';

const ENV = ['FAZHI_PII_KEY', 'FAZHI_AUDIT_KEY', 'FAZHI_KEY_DIR', 'FAZHI_DATA', 'FAZHI_FILES', 'FAZHI_PII_KEY_FILE', 'FAZHI_AUDIT_KEY_FILE'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const testKey = Buffer.from(process.env.FAZHI_PII_KEY!, 'base64');
const restoreEnv = () => {
  for (const k of ENV)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  configurePii(testKey);
};
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-keys-'));
  for (const k of ENV) delete process.env[k];
});
afterEach(() => {
  restoreEnv();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ID_NO = '44010619900101123X';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** A bureau with one published decision carrying a citizen's ID number. */
async function seed(sys: System): Promise<void> {
  const { tenantId, bureauId } = await createTenant(sys.db, { name: '测试区水务局' });
  await sys.db
    .insertInto('pub_decision' as any)
    .values({
      tenant_id: tenantId,
      org_id: bureauId,
      kind: 'penalty',
      source_entity: 'test',
      source_id: '1',
      decision_no: '穗水罚〔2024〕1号',
      decided_on: '2024-03-01',
      due_on: '2024-03-08',
      party_name: '张三',
      party_type: '自然人',
      party_id_no: encryptPii(ID_NO),
      title: 't',
      content: 'c',
    })
    .execute();
}
const storedIdNo = async (sys: System) =>
  (
    (await sys.db
      .selectFrom('pub_decision' as any)
      .select('party_id_no')
      .executeTakeFirstOrThrow()) as { party_id_no: string }
  ).party_id_no;

describe.runIf(dbKind === 'pglite')('keys outside the data folder', () => {
  it('keeps the keys in <data>.keys (0700, files 0600), and a copy of the data folder alone does not decrypt', async () => {
    const data = path.join(tmp, 'data');
    const sys = await openSystem({ modules, data });
    expect(sys.keys.dir).toBe(`${data}.keys`);
    await seed(sys);
    await sys.close();
    expect(mode(`${data}.keys`)).toBe(0o700);
    expect(mode(`${data}.keys/pii.key`)).toBe(0o600);
    expect(mode(`${data}.keys/audit.key`)).toBe(0o600);
    expect(fs.readdirSync(data).filter((f) => f.endsWith('.key'))).toEqual([]);

    // The data folder copied without its keys (a backup, a laptop): no file holds the ID number in clear…
    const copy = path.join(tmp, 'copy');
    fs.cpSync(data, copy, { recursive: true, filter: (f) => !f.endsWith('fazhi.lock') });
    const needle = Buffer.from(ID_NO.slice(6, 14));
    const files = fs.readdirSync(copy, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const e of files) expect(fs.readFileSync(path.join(e.parentPath, e.name)).includes(needle)).toBe(false);
    // …the system will not start on it with a fresh key (new records would be encrypted under a second key)…
    await expect(openSystem({ modules, data: copy, log: () => {} })).rejects.toMatchObject({ code: 'PII_KEY_MISSING' });
    expect(fs.existsSync(`${copy}.keys/pii.key`)).toBe(false);
    // …nor does any other key decrypt what it holds.
    process.env.FAZHI_PII_KEY = crypto.randomBytes(32).toString('base64');
    await expect(openSystem({ modules, data: copy, log: () => {} })).rejects.toMatchObject({ code: 'PII_KEY_MISMATCH' });
    delete process.env.FAZHI_PII_KEY;

    // With the key folder named, the copy reads back.
    const back = await openSystem({ modules, data: copy, keyDir: `${data}.keys` });
    expect(decryptPii(await storedIdNo(back))).toBe(ID_NO);
    await back.close();
  });

  it('moves keys an older install kept in the data folder into the key folder, and refuses two different keys', async () => {
    const data = path.join(tmp, 'old');
    const first = await openSystem({ modules, data });
    await seed(first);
    await first.close();
    // The old layout: keys inside the data folder.
    fs.renameSync(`${data}.keys/pii.key`, `${data}/pii.key`);
    fs.renameSync(`${data}.keys/audit.key`, `${data}/audit.key`);
    const notes: string[] = [];
    const sys = await openSystem({ modules, data, log: (m) => notes.push(m) });
    expect(decryptPii(await storedIdNo(sys))).toBe(ID_NO);
    await sys.close();
    expect(fs.existsSync(`${data}/pii.key`)).toBe(false);
    expect(fs.existsSync(`${data}.keys/pii.key`)).toBe(true);
    expect(notes.join('\n')).toMatch(/已将个人信息加密密钥 pii\.key从数据目录移到密钥目录/);
    expect(notes.join('\n')).toMatch(/审计检查点密钥 audit\.key/);

    // A different key left in the data folder: which one encrypted the data is for the operator to say.
    fs.writeFileSync(`${data}/pii.key`, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
    await expect(openSystem({ modules, data, log: () => {} })).rejects.toMatchObject({ code: 'KEY_CONFLICT', message: expect.stringContaining('拒绝启动') });
    // The same key in both places: the copy in the data folder goes.
    fs.copyFileSync(`${data}.keys/pii.key`, `${data}/pii.key`);
    const again = await openSystem({ modules, data, log: () => {} });
    await again.close();
    expect(fs.existsSync(`${data}/pii.key`)).toBe(false);
  });

  it('fazhi keys rotate-pii rotates the key of a data folder and keeps the old one as pii.key.retired-<time>', async () => {
    const data = path.join(tmp, 'cli');
    const sys = await openSystem({ modules, data });
    await seed(sys);
    await sys.close();
    const oldKey = fs.readFileSync(`${data}.keys/pii.key`, 'utf8');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const r = await promisify(execFile)(process.execPath, [path.resolve('bin/fazhi.js'), '--data', data, 'keys', 'rotate-pii'], { env, cwd: tmp });
    expect(r.stdout).toMatch(/pub_decision\.party_id_no：重新加密 1 个值/);
    expect(r.stdout).toMatch(/已更换个人信息加密密钥/);
    expect(r.stdout).toMatch(/旧密钥保存为 .*pii\.key\.retired-/);
    const retired = fs.readdirSync(`${data}.keys`).filter((f) => f.startsWith('pii.key.retired-'));
    expect(retired).toHaveLength(1);
    expect(fs.readFileSync(`${data}.keys/${retired[0]}`, 'utf8')).toBe(oldKey);
    expect(fs.readFileSync(`${data}.keys/pii.key`, 'utf8')).not.toBe(oldKey);
    const back = await openSystem({ modules, data });
    expect(decryptPii(await storedIdNo(back))).toBe(ID_NO);
    await back.close();
  });

  it('refuses to start without the audit key once checkpoints were signed with it', async () => {
    const data = path.join(tmp, 'audit');
    const sys = await openSystem({ modules, data });
    await seed(sys);
    const { verifyIncremental } = await import('../../src/core/audit/checkpoint.js');
    const t = await sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow();
    expect((await verifyIncremental(sys.db, t.id, sys.auditKey)).checkpoint).toBeGreaterThan(0);
    await sys.close();
    fs.rmSync(`${data}.keys/audit.key`);
    await expect(openSystem({ modules, data, log: () => {} })).rejects.toMatchObject({ code: 'AUDIT_KEY_MISSING' });
  });
});

describe('rotating the personal-identifier key', () => {
  let sys: System;
  let cols: PiiColumnDef[];
  let keyFile: string;
  /** The key the data is under (each test starts from it). */
  let dataKey: Buffer = testKey;
  beforeAll(async () => {
    sys = await testSystem('demo');
    cols = piiColumns(sys.registry.modules.flatMap((m) => m.pii ?? []));
  });
  afterAll(() => sys.close());

  /** Every stored identifier by table, column and primary key, decrypted with the running key. */
  async function plaintexts(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of cols) {
      const rows = await sql<{
        k: string;
        v: string;
      }>`SELECT tenant_id::text || '/' || id::text AS k, ${sql.ref(c.column)} AS v FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} IS NOT NULL`.execute(
        sys.db,
      );
      for (const r of rows.rows) out.set(`${c.table}.${c.column}/${r.k}`, decryptPii(r.v)!);
    }
    return out;
  }

  it('re-encrypts every identifier and recomputes every blind index; the old key no longer decrypts', async () => {
    keyFile = path.join(tmp, 'pii.key');
    fs.writeFileSync(keyFile, testKey.toString('base64'), { mode: 0o600 });
    // The demo has no caller ID numbers: give one 12345 order one.
    await sql`UPDATE dm_item SET person_id_no = ${encryptPii(ID_NO)} WHERE id = (SELECT id FROM dm_item ORDER BY id LIMIT 1)`.execute(sys.db);
    // Changed outside the application: a rotation refuses to bless it (it would record the row's new state)…
    await expect(rotatePiiKey(sys.db, cols, keyFile, { chunk: 37 })).rejects.toMatchObject({ code: 'RECORDS_INCONSISTENT' });
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    // …until the change is on record.
    const tid = (await sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
    await write(sys.ctx(systemActor(tid, '测试')), (w) =>
      sealRecords(w.tx, tid, (inputs) => w.auditMany(inputs), { entities: entitiesOfTables(['dm_item']), action: 'updated', reason: '测试' }),
    );
    // The demo has no online requests: one of each kind, through the application (their applicants' details are declared PII).
    const applicant = { kind: '自然人', name: '张三', idType: '护照', idNo: 'E12345678', phone: '13812345678', address: '天河路1号', email: 'zs@example.com' };
    const online = sys.ctx(systemActor(tid, '网上申请'));
    await submitOnline(sys, online, disclosureOnline, {
      form: { applicant, description: '河道排污口设置审批的批复文件', medium: '电子邮件', delivery: '电子邮件' },
    });
    await submitOnline(sys, online, petitionOnline, {
      form: { applicant, title: '河涌黑臭', request: '请整治河涌黑臭问题', facts: '河涌持续发黑发臭，多次反映未见处理。' },
    });
    const before = await plaintexts();
    // Every declared column holds identifiers to rotate.
    for (const c of cols)
      expect(
        [...before.keys()].some((k) => k.startsWith(`${c.table}.${c.column}/`)),
        `${c.table}.${c.column}`,
      ).toBe(true);
    const case1 = (
      await sql<{
        party_id_no: string;
        party_id_index: string;
        id: string;
      }>`SELECT id, party_id_no, party_id_index FROM enf_case WHERE party_id_no IS NOT NULL ORDER BY id LIMIT 1`.execute(sys.db)
    ).rows[0]!;
    const idNo = decryptPii(case1.party_id_no)!;
    const phoneRow = (
      await sql<{ id: string; person_phone: string }>`SELECT id, person_phone FROM dm_item WHERE person_phone IS NOT NULL ORDER BY id LIMIT 1`.execute(sys.db)
    ).rows[0]!;
    const phone = decryptPii(phoneRow.person_phone)!;

    const r = await rotatePiiKey(sys.db, cols, keyFile, { chunk: 37 });
    expect(r.columns.reduce((s, c) => s + c.values, 0)).toBe(before.size);
    expect(r.retired && fs.readFileSync(r.retired, 'utf8')).toBe(testKey.toString('base64'));
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    const newKey = Buffer.from(fs.readFileSync(keyFile, 'utf8'), 'base64');
    expect(newKey.equals(testKey)).toBe(false);
    dataKey = newKey;

    // Every identifier reads back under the new key (rotate configured it).
    expect(await plaintexts()).toEqual(before);
    // Lookups by ID number and phone (the blind indexes) still find their records.
    const byId = await sql<{ id: string }>`SELECT id FROM enf_case WHERE party_id_index = ${piiIndex(idNo)}`.execute(sys.db);
    expect(byId.rows.map((x) => x.id)).toContain(case1.id);
    const byPhone = await sql<{ id: string }>`SELECT id FROM dm_item WHERE person_phone_idx = ${piiIndex(` ${phone.slice(0, 3)} ${phone.slice(3)}`)}`.execute(
      sys.db,
    );
    expect(byPhone.rows.map((x) => x.id)).toContain(phoneRow.id);
    // The old key neither decrypts nor finds anything.
    const old = derivePiiKeys(testKey);
    const now = (
      await sql<{ party_id_no: string; party_id_index: string }>`SELECT party_id_no, party_id_index FROM enf_case WHERE id = ${case1.id}`.execute(sys.db)
    ).rows[0]!;
    expect(() => decryptPii(now.party_id_no, old)).toThrow();
    expect(now.party_id_index).not.toBe(case1.party_id_index);
    expect((await sql`SELECT 1 FROM enf_case WHERE party_id_index = ${piiIndex(idNo, old)}`.execute(sys.db)).rows).toHaveLength(0);
    // One audit event per bureau records the rotation…
    const ev = await sys.db.selectFrom('audit_event').select(['entity', 'action']).where('entity', '=', 'system.pii_key').execute();
    expect(ev).toEqual([{ entity: 'system.pii_key', action: 'rotated' }]);
    // …and every re-encrypted record's new state is on record (verify --records stays clean).
    expect(
      await sys.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'rekeyed')
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ n: expect.anything() });
    expect((await verifyRecords(sys.db, tid)).problems).toEqual([]);
  });

  it('a crash between the commit and the key file rename is completed on the next start', async () => {
    keyFile = path.join(tmp, 'pii.key');
    fs.writeFileSync(keyFile, dataKey.toString('base64'), { mode: 0o600 });
    configurePii(dataKey);
    const before = await plaintexts();
    await expect(
      rotatePiiKey(sys.db, cols, keyFile, {
        afterCommit: () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    // Committed, but pii.key still holds the old key and pii.key.next the new one.
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(dataKey.toString('base64'));
    const next = Buffer.from(fs.readFileSync(`${keyFile}.next`, 'utf8'), 'base64');
    const notes: string[] = [];
    const key = await openPiiKey(sys.db, cols, keyFile, (m) => notes.push(m));
    expect(key.equals(next)).toBe(true);
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('pii.key.retired-'))).toHaveLength(1);
    expect(notes.join('')).toMatch(/数据库已提交但密钥文件未就位/);
    configurePii(key);
    dataKey = key;
    expect(await plaintexts()).toEqual(before);

    // A crash before the commit: the leftover .next is abandoned, the data stays under pii.key.
    fs.writeFileSync(`${keyFile}.next`, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
    const kept = await openPiiKey(sys.db, cols, keyFile, (m) => notes.push(m));
    expect(kept.equals(key)).toBe(true);
    expect(fs.existsSync(`${keyFile}.next`)).toBe(false);
    expect(notes.join('')).toMatch(/数据库未提交/);
  });

  it('refuses to rotate a key given by FAZHI_PII_KEY', async () => {
    process.env.FAZHI_PII_KEY = testKey.toString('base64');
    await expect(rotatePiiKey(sys.db, cols, path.join(tmp, 'pii.key'))).rejects.toMatchObject({ code: 'PII_KEY_FROM_ENV' });
  });
});
