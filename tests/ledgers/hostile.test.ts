/**
 * Hostile uploads through the API: each spreadsheet bomb is refused with a 4xx naming the limit,
 * nothing is written, and the server answers other requests while the file is being read (the
 * reading runs in the reader worker, not on the thread that serves requests). Multipart caps:
 * field size, parts, boundary length, file size.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { uploadLedger } from '../helpers/http.js';
import { deflatedRepeat, randomChinese, sharedSheetXml, sharedStringsXml, sheetXml, xlsxOf } from '../helpers/hostileFiles.js';
import { columnLetters, MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_ZIP_RATIO } from '../../src/core/ledger/limits.js';
import { closeReaderWorkers, readerJobs } from '../../src/core/ledger/readerPool.js';
import { FILE_LIMITS } from '../../src/core/files/store.js';
import { serverSuite } from '../helpers/server.js';

// The reader workers stop after the server and the system close (after-hooks run last registered first).
afterAll(() => closeReaderWorkers());
const env = serverSuite({ admin: 'admin' });

const count = async (table: 'dm_item' | 'ledger_import' | 'ledger_import_row') =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(env.sys.db)).rows[0]!.n);
const snapshot = async () => ({ items: await count('dm_item'), imports: await count('ledger_import'), rows: await count('ledger_import_row') });

const HEADER = ['工单编号', '受理时间', '诉求类型', '诉求内容', '承办单位', '办理时限', '办结时间', '回复时间', '满意度'];
const headerCells = HEADER.map((h, i) => [`${columnLetters(i + 1)}1`, h] as const);
const row2 = (cells: Array<readonly [string, string]>) => [['A2', 'HOSTILE-1'] as const, ['B2', '2023-03-01 09:00'] as const, ...cells];

/** Each hostile file, what it is refused with, and what the message must say. */
const cases: Array<{ name: string; file: () => Buffer; filename: string; status: number; code: string; limit?: string; says: string }> = [
  {
    name: 'a zip bomb (1.5 GB of sheet in 1.6 MB)',
    file: () => xlsxOf({ name: 'xl/worksheets/sheet1.xml', deflated: deflatedRepeat(Buffer.from(' '), 1536) }),
    filename: '炸弹.xlsx',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'zipRatio',
    says: `压缩比超过${MAX_ZIP_RATIO}倍`,
  },
  {
    name: 'a shared-strings bomb (1.8 GB of shared strings)',
    file: () =>
      xlsxOf(sharedSheetXml([[['A1', 0]]]), {
        name: 'xl/sharedStrings.xml',
        deflated: deflatedRepeat(Buffer.from(`<si><t>${'水'.repeat(300)}</t></si>`), 1800),
      }),
    filename: '共享字符串.xlsx',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'zipRatio',
    says: 'xl/sharedStrings.xml',
  },
  {
    name: 'a shared string of 3,000,000 characters',
    file: () =>
      xlsxOf(sharedSheetXml([[['A1', 0]], [['A2', 1]]]), {
        name: 'xl/sharedStrings.xml',
        data: sharedStringsXml(2, (i) => (i ? randomChinese(3_000_000) : '工单编号')),
      }),
    filename: '长字符串.xlsx',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'cellChars',
    says: '第2条共享字符串有3000000个字符',
  },
  {
    name: 'a cell of 3,000,000 characters',
    file: () => xlsxOf(sheetXml([headerCells, row2([['D2', randomChinese(3_000_000, 7)]])])),
    filename: '长单元格.xlsx',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'cellChars',
    says: `第2行D列的内容超过单元格上限${MAX_CELL_CHARS}个字符`,
  },
  {
    name: 'a value beyond the column limit',
    file: () => xlsxOf(sheetXml([headerCells, row2([[`${columnLetters(5000)}2`, '远']])])),
    filename: '多列.xlsx',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'columns',
    says: `第2行第${columnLetters(5000)}列（第5000列）有数据，超过每行${MAX_COLUMNS}列的上限`,
  },
  {
    name: 'a CSV with a line of 3,000,000 characters',
    file: () => Buffer.from(`${HEADER.join(',')}\nHOSTILE-1,2023-03-01 09:00,投诉,${'长'.repeat(3_000_000)}\n`),
    filename: '长行.csv',
    status: 413,
    code: 'LEDGER_FILE_TOO_LARGE',
    limit: 'csvRecordChars',
    says: `CSV 文件第2行超过${MAX_CSV_RECORD_CHARS}个字符`,
  },
  {
    name: 'a CSV with a NUL in a cell',
    file: () => Buffer.from(`${HEADER.join(',')}\nHOSTILE-1,2023-03-01 09:00,投诉,内容\u0000,水政监察大队,5,,,\n`),
    filename: '空字符.csv',
    status: 400,
    code: 'LEDGER_FILE_BAD_TEXT',
    says: '第2行D列含有不允许的字符',
  },
];

describe('hostile ledger files through POST /api/ledgers/:key/import', () => {
  for (const c of cases) {
    it(`refuses ${c.name} (${c.status}, naming the limit) and writes nothing`, async () => {
      const before = await snapshot();
      const res = await uploadLedger(env.admin, 'hotline-orders', c.file(), c.filename);
      expect(res.status).toBe(c.status);
      expect(res.body).toMatchObject({ code: c.code, field: 'file' });
      if (c.limit) expect(res.body.details).toMatchObject({ limit: c.limit });
      expect(res.body.message).toContain(c.says);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('answers GET /healthz while a hostile file is being read, before the import answers', async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = env.app.server.address() as AddressInfo;
    // A file that takes the worker a while: 200,000 rows of text, the last one with a value beyond the column limit.
    const rows = Array.from({ length: 200_000 }, (_, i) => [
      [`A${i + 2}` as string, `HOSTILE-${i}`] as const,
      [`D${i + 2}` as string, randomChinese(20, i + 1)] as const,
    ]);
    rows[rows.length - 1]!.push([`${columnLetters(5000)}${rows.length + 1}`, '远']);
    const data = xlsxOf(sheetXml([headerCells, ...rows]));
    const boundary = '----fazhiHostile';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const order: string[] = [];
    const send = (method: string, path: string, payload?: Buffer, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method, path, headers: { cookie: env.admin.cookie, 'x-csrf-token': env.admin.csrf, ...headers } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    let importDone = false;
    const importing = send('POST', '/api/ledgers/hotline-orders/import', body, { 'content-type': `multipart/form-data; boundary=${boundary}` }).then((r) => {
      importDone = true;
      order.push('import');
      return r;
    });
    // Wait until the server is reading the file (or, if the reading blocked this thread, the import is over).
    while (readerJobs() === 0 && !importDone) await tick();
    expect(importDone).toBe(false);
    const health = await send('GET', '/healthz');
    order.push('health');
    const readingWhenAnswered = readerJobs();
    const imported = await importing;
    expect(health).toEqual({ status: 200, body: JSON.stringify({ ok: true }) });
    expect(readingWhenAnswered).toBe(1);
    expect(order).toEqual(['health', 'import']);
    expect(imported.status).toBe(413);
    expect(JSON.parse(imported.body)).toMatchObject({
      code: 'LEDGER_FILE_TOO_LARGE',
      details: { limit: 'columns', row: rows.length + 1, column: columnLetters(5000) },
    });
  });
});

describe('upload caps', () => {
  const multipart = (parts: Array<{ name: string; value: string | Buffer; filename?: string }>, boundary = '----fazhiCaps') => ({
    body: Buffer.concat([
      ...parts.map((p) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"\r\nContent-Type: text/plain` : ''}\r\n\r\n`,
          ),
          Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
          Buffer.from('\r\n'),
        ]),
      ),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });

  it('refuses a form field longer than 4 KB instead of cutting it (413 naming the field)', async () => {
    const m = multipart([
      { name: 'entity', value: 'x'.repeat(5000) },
      { name: 'entityId', value: '00000000-0000-4000-8000-000000000000' },
      { name: 'file', value: 'hello', filename: 'a.txt' },
    ]);
    const res = await env.admin.req('POST', '/api/attachments', m.body, m.headers);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'TOO_LARGE', field: 'entity', message: '字段“entity”过长' });
  });

  it('refuses more than 11 parts (413)', async () => {
    const m = multipart([...Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, value: 'x' })), { name: 'file', value: 'a', filename: 'a.csv' }]);
    const res = await env.admin.req('POST', '/api/ledgers/hotline-orders/import', m.body, m.headers);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses a boundary longer than 70 characters (400)', async () => {
    const m = multipart([{ name: 'file', value: 'a', filename: 'a.csv' }], 'b'.repeat(71));
    const res = await env.admin.req('POST', '/api/ledgers/hotline-orders/import', m.body, m.headers);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_UPLOAD', message: expect.stringContaining('超过70个字符') });
    const ok = multipart([{ name: 'file', value: `${HEADER.join(',')}\n`, filename: 'a.csv' }], 'b'.repeat(70));
    expect((await env.admin.req('POST', '/api/ledgers/hotline-orders/import?dryRun=true', ok.body, ok.headers)).status).toBeLessThan(500);
  });

  it(`refuses a file over ${FILE_LIMITS.maxBytes / 1024 / 1024} MB (413)`, async () => {
    const before = await snapshot();
    const m = multipart([{ name: 'file', value: Buffer.alloc(FILE_LIMITS.maxBytes + 1, 0x41), filename: 'big.csv' }]);
    const res = await env.admin.req('POST', '/api/ledgers/hotline-orders/import', m.body, m.headers);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'TOO_LARGE', message: '上传的文件过大' });
    expect(await snapshot()).toEqual(before);
  });
});
