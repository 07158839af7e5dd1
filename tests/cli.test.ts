import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/core/db/connect.js';
import iconv from 'iconv-lite';
import pg from 'pg';
import { dbKind } from './helpers/system.js';
import { adminUrl } from './helpers/paths.js';

const run = promisify(execFile);
const bin = path.resolve('bin/fazhi.js');
let dir: string;
let env: NodeJS.ProcessEnv;
let dbArgs: string[];
let pgName: string | undefined;

/** Runs the `fazhi` command against this test's database (a PGlite folder, or DATABASE_URL). */
async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...dbArgs, ...args], { env, cwd: dir, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e: any) {
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-'));
  env = { ...process.env, FAZHI_PASSWORD: 'First-Tide-17' };
  delete env.DATABASE_URL;
  delete env.FAZHI_DATA;
  if (dbKind === 'postgres') {
    pgName = `fazhi_cli_${process.pid}`;
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    await c.query(`CREATE DATABASE ${pgName}`);
    await c.end();
    env.DATABASE_URL = adminUrl(pgName);
    env.FAZHI_FILES = path.join(dir, 'files');
    dbArgs = [];
  } else {
    dbArgs = ['--data', path.join(dir, 'data')];
  }
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (pgName) {
    const c = new pg.Client({ connectionString: adminUrl() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await c.end();
  }
});

const write = (name: string, text: string, encoding: 'utf8-bom' | 'utf8' | 'gb18030' = 'utf8-bom') => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : (encoding === 'utf8-bom' ? '\ufeff' : '') + text);
  return p;
};

// Each test runs the command several times, each a process that starts and opens the database: more than the
// suite's 30 s on a loaded machine (an import then two exports and a re-import timed out at load ≈ 11).
describe('the fazhi command', { timeout: 90_000 }, () => {
  it('calendar: add-workdays across Spring Festival 2025; is-workday on a make-up Sunday', async () => {
    expect((await fazhi('calendar', 'add-workdays', '2025-01-20', '10')).stdout.trim()).toBe('2025-02-08');
    expect((await fazhi('calendar', 'is-workday', '2025-01-26')).stdout.trim()).toBe('true');
    expect((await fazhi('calendar', 'is-workday', '2025-01-29')).stdout.trim()).toBe('false');
    const bad = await fazhi('calendar', 'is-workday', '2025-02-30');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('日期无效');
  });

  it('user add: creates the bureau and its first admin on an empty database', async () => {
    const r = await fazhi('user', 'add', '--username', 'chief', '--name', '首任管理员', '--bureau', '某某区水务局', '--division-code', '440106');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('首次登录须修改密码');
    const again = await fazhi('user', 'add', '--username', 'chief', '--name', '重复', '--password', 'Another-Pass-1');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已被使用');
  });

  it('import: a GB18030 file with bad rows names every row and column and changes nothing', async () => {
    const bad = write(
      'orgs-bad.csv',
      [
        '单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码',
        '五山街道,街道,某某区水务局,,',
        '员村街道,科局,某某区水务局,,',
        '车陂街道,街道,不存在的局,,',
        '沙河街道,街道,某某区水务局,91440101MA5D1234X0,',
        ',街道,某某区水务局,,',
      ].join('\r\n'),
      'gb18030',
    );
    const r = await fazhi('import', 'orgs', bad);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/第3行.*单位类型/);
    expect(r.stderr).toMatch(/第5行.*统一社会信用代码/);
    expect(r.stderr).toMatch(/第6行.*单位名称/);
    const out = path.join(dir, 'after-bad.csv');
    await fazhi('export', 'orgs', '--out', out);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).not.toContain('五山街道');
    // A parent that exists nowhere is a database-level row error: still all-or-nothing.
    const ref = write('orgs-ref.csv', ['单位名称,单位类型,上级单位', '五山街道,街道,某某区水务局', '车陂街道,街道,不存在的局'].join('\n'));
    const r2 = await fazhi('import', 'orgs', ref);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/第3行.*上级单位/);
    await fazhi('export', 'orgs', '--out', out);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('五山街道');
  });

  it('import then export: the same headers and rows come back', async () => {
    const good = write(
      'orgs.csv',
      ['单位名称,单位类型,上级单位,行政区划代码', '五山街道,街道,某某区水务局,440106001', '办公室,科室,某某区水务局,'].join('\n'),
      'utf8',
    );
    const r = await fazhi('import', 'orgs', good);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('新增 2');
    const out = path.join(dir, 'orgs-out.xlsx');
    expect((await fazhi('export', 'orgs', '--out', out)).code).toBe(0);
    const csv = path.join(dir, 'orgs-out.csv');
    await fazhi('export', 'orgs', '--out', csv);
    const lines = fs
      .readFileSync(csv, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码');
    expect(lines).toContain('五山街道,街道,某某区水务局,,440106001');
    // Re-importing the export changes nothing.
    const again = await fazhi('import', 'orgs', out);
    expect(again.stdout).toMatch(/新增 0.*更新 0/);
  });

  it('metrics --json prints every metric as key: value', async () => {
    const r = await fazhi('metrics', '--year', '2022', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ 'org.streets': 1 });
  });

  it('audit verify walks the chain', async () => {
    const r = await fazhi('audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/审计链完整，共 \d+ 条事件/);
  });

  it('audit verify --records finds the records consistent, then names a row changed in the database (exit code 3)', async () => {
    const ok = await fazhi('audit', 'verify', '--records');
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/类共 \d+ 条业务记录与审计记录一致/);
    // Straight into the database, past the application.
    const tamper = `UPDATE org SET name = name || '（改）' WHERE kind = 'bureau'`;
    if (dbKind === 'postgres') {
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query(tamper);
      await c.end();
    } else {
      const db = await openPglite(path.join(dir, 'data', 'db'));
      await db.exec(tamper);
      await db.close();
    }
    const bad = await fazhi('audit', 'verify', '--records');
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/1 条业务记录与审计记录不符/);
    expect(bad.stdout).toMatch(/在系统之外被改动：单位 [0-9a-f-]{36}/);
  });
});
