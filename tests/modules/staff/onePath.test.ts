import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src/core/context.js';
import { listTenants } from '../../../src/core/tenant.js';
import { importLedger, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { writeCsv } from '../../../src/core/ledger/write.js';
import { serverSuite } from '../../helpers/server.js';
import { addAttachment } from '../../../src/core/files/attachments.js';

/** The one write path of the staff ledgers: the forms and the imports share `saveRecords`. */
const def = (key: string) => env.sys.registry.ledgers.get(key)! as LedgerDef<any>;
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
const importCsv = (key: string, data: Buffer) => importLedger(env.sys, env.ctx, def(key), { file: { data, filename: `${key}.csv` } });
const list = async (path: string, year: number) => (await env.legal.req('GET', `/api/staff/${path}?year=${year}`)).body.data as any[];
const strip = ({ id: _i, version: _v, orgId: _o, ...rest }: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(rest).filter(([k]) => !keys.includes(k)));

const LEDGERS = [
  {
    key: 'study-sessions',
    path: 'study-sessions',
    header: '日期,形式,主题,参加人数',
    form: { date: '2023-07-03', form: '法治讲座', topic: '表单录入的法治讲座', attendees: 40 },
    row: '2023-07-03,法治讲座,导入的法治讲座,40',
    same: 'topic',
    bad: ['2023-07-04,法治讲座,一场讲座,-1', '参加人数'],
    changed: '2023-07-03,法治讲座,导入的法治讲座,41',
  },
  {
    key: 'exam-results',
    path: 'exam-results',
    header: '考试名称,考试日期,姓名,成绩,及格线',
    form: { exam: '2023年学法考试（测试）', date: '2023-07-05', person: '表单考生', score: 88.5, passMark: 60 },
    row: '2023年学法考试（测试）,2023-07-05,导入考生,88.5,60',
    same: 'person',
    bad: ['2023年学法考试（测试）,2023-07-05,某考生,160,60', '成绩'],
    changed: '2023年学法考试（测试）,2023-07-05,导入考生,90,60',
  },
  {
    key: 'trainings',
    path: 'trainings',
    header: '日期,主题,对象,形式,参加人数',
    form: { date: '2023-07-06', topic: '表单录入的培训', audience: '街道', mode: '线下', attendees: 30 },
    row: '2023-07-06,导入的培训,街道,线下,30',
    same: 'topic',
    bad: ['2023-07-07,一次培训,街道,线下,0', '参加人数'],
    changed: '2023-07-06,导入的培训,街道,线下,31',
  },
] as const;

const env = serverSuite({ legal: 'legal' });
beforeAll(async () => {
  env.ctx = env.sys.ctx(systemActor((await listTenants(env.sys.db))[0]!.id));
});

describe.each(LEDGERS)('the $key ledger', (l) => {
  it('has no rule a record can break: impossible rows are errors by row and column, nothing is written', async () => {
    const n = (await list(l.path, 2023)).length;
    const res = await importCsv(l.key, csv(l.header, l.row, l.bad[0]));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors).toEqual([expect.objectContaining({ row: 3, column: l.bad[1] })]);
    expect((await list(l.path, 2023)).length).toBe(n);
  });

  it('gives an import and a form entry of the same record the same stored record, without findings', async () => {
    const f = await env.legal.req('POST', `/api/staff/${l.path}`, l.form);
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    const res = await importCsv(l.key, csv(l.header, l.row));
    expect(res).toMatchObject({ ok: true, created: 1, findings: [] });
    const rows = await list(l.path, 2023);
    const form = rows.find((r) => r.id === f.body.data.id);
    const imp = rows.find((r) => r.id !== form.id && r.date === form.date && (l.same === 'person' ? r.exam === form.exam : true) && r[l.same] !== form[l.same]);
    expect(strip(imp, l.same)).toEqual(strip(form, l.same));
  });

  it('changes nothing when its own export is imported again', async () => {
    const rows = await def(l.key).exportRows(env.ctx);
    expect(rows.length).toBeGreaterThan(1);
    expect(await importCsv(l.key, writeCsv(def(l.key).spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
  });

  it('undoes an import (updated restored) and refuses once a record was worked on', async () => {
    const before = await list(l.path, 2023);
    const res = await importCsv(l.key, csv(l.header, l.changed));
    expect(res).toMatchObject({ ok: true, updated: 1, created: 0 });
    if (!res.ok) return;
    expect(await undoImport(env.ctx, def(l.key), res.importId!)).toEqual({ deleted: 0, restored: 1 });
    expect((await list(l.path, 2023)).map((r) => strip(r)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      before.map((r) => strip(r)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const again = await importCsv(l.key, csv(l.header, l.changed));
    if (!again.ok) throw new Error('import failed');
    const rec = (await list(l.path, 2023)).find((r) => !before.some((b) => JSON.stringify(strip(b)) === JSON.stringify(strip(r))));
    await addAttachment(env.sys, env.ctx, {
      entity: `staff.${l.key === 'study-sessions' ? 'study_session' : l.key === 'exam-results' ? 'exam_result' : 'training'}`,
      entityId: rec.id,
      filename: '签到表.pdf',
      mime: 'application/pdf',
      data: Buffer.from('%PDF-1.4 test'),
    });
    await expect(undoImport(env.ctx, def(l.key), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});

describe('undo of created staff records', () => {
  it('deletes what the import created', async () => {
    const res = await importCsv('study-sessions', csv('日期,形式,主题,参加人数', '2023-08-01,其他,撤销测试学习,12'));
    if (!res.ok) throw new Error('import failed');
    expect(await undoImport(env.ctx, def('study-sessions'), res.importId!)).toEqual({ deleted: 1, restored: 0 });
    expect((await list('study-sessions', 2023)).find((r) => r.topic === '撤销测试学习')).toBeUndefined();
  });
});
