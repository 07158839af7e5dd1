import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { modules } from '../modules/index.js';
import { openSystem, Registry, type System } from '../core/system.js';
import { matrixMarkdown } from '../core/workflow/index.js';
import { resolveTarget } from '../core/db/connect.js';
import { AppError } from '../core/errors.js';
import { listTenants } from '../core/tenant.js';
import { systemActor, type Ctx } from '../core/context.js';
import { verifyIncremental } from '../core/audit/checkpoint.js';
import { recordStateOf, sealUntraced, verifyRecords } from '../core/audit/records.js';
import { write } from '../core/audit/audit.js';
import { importLedger } from '../core/ledger/ledger.js';
import { getImport, importFile, listImports, undoImport } from '../core/ledger/imports.js';
import { writeCsv, writeXlsx } from '../core/ledger/write.js';
import { formatLedgerErrors } from '../core/ledger/parse.js';
import { yearPeriod, metricQuery } from '../core/metrics/registry.js';
import { orgsByName } from '../core/orgs.js';
import { loadDemo } from './demo.js';
import { addUserCommand } from './user.js';
import { addKeysCommand } from './keys.js';
import { firstImportTenant } from './firstImport.js';
import { serve } from './serve.js';
import { isIsoDate } from '../core/calendar/calendar.js';
import { FORMATS, renderDocument, type ReportFormat } from '../modules/reports/document.js';
import { renderDisclosureReport, type ReportFormat as DisclosureFormat } from '../modules/disclosure/index.js';

const program = new Command();
program
  .name('fazhi')
  .description('法治水务 — 区水务局法治工作系统')
  .addOption(new Option('--data <dir>', '嵌入式数据库目录（默认 ./.fazhi，或环境变量 FAZHI_DATA；设置 DATABASE_URL 时连接 PostgreSQL 服务器）'))
  .showHelpAfterError();

type Global = { data?: string };
/** The command's exit status; set after the database closes (the embedded engine resets process.exitCode when it shuts down). */
let exitCode = 0;
const globals = (): Global => program.opts<Global>();

/** Opens the system for a command; `--data` wins over DATABASE_URL. */
async function withSystem<T>(fn: (sys: System) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const { data } = globals();
  const sys = await openSystem({ modules, target: resolveTarget({ data }), data, migrate: opts.migrate });
  try {
    return await fn(sys);
  } finally {
    await sys.close();
  }
}

/** The one tenant of the database (or the one named by --tenant). */
async function tenantCtx(sys: System, name?: string): Promise<Ctx> {
  const tenants = await listTenants(sys.db);
  const t = name ? tenants.find((x) => x.name === name) : tenants[0];
  if (!t) throw new AppError('NO_TENANT', name ? `找不到单位“${name}”` : '数据库为空：请先运行 fazhi demo 或 fazhi user add 创建本局', 1);
  if (!name && tenants.length > 1) throw new AppError('MANY_TENANTS', `数据库中有 ${tenants.length} 个局，请用 --tenant 指定`, 1);
  return sys.ctx(systemActor(t.id, '命令行'));
}

program
  .command('serve')
  .description('启动 Web 服务')
  .option('-p, --port <port>', '端口', process.env.PORT ?? '3000')
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .option('--demo-if-empty', '数据库为空时先载入演示数据')
  .action(async (o: { port: string; host: string; demoIfEmpty?: boolean }) => {
    await serve({ data: globals().data, port: Number(o.port), host: o.host, demoIfEmpty: !!o.demoIfEmpty });
  });

program
  .command('start')
  .description('npm start：构建前端（如需要），空数据库时载入演示局，启动服务')
  .option('-p, --port <port>', '端口', process.env.PORT ?? '3000')
  .option('--host <host>', '监听地址', process.env.HOST ?? '127.0.0.1')
  .action(async (o: { port: string; host: string }) => {
    await serve({ data: globals().data, port: Number(o.port), host: o.host, demoIfEmpty: true, buildWeb: true });
  });

program
  .command('migrate')
  .description('执行待执行的数据库迁移')
  .action(() => withSystem(async () => console.log('数据库结构已是最新')));

program
  .command('demo')
  .description('向空数据库载入演示局（天河区水务局 2022 年度数据）')
  .option('--seed <n>', '随机种子', '2022')
  .action((o: { seed: string }) =>
    withSystem(async (sys) => {
      await loadDemo(sys, { seed: Number(o.seed), log: (m) => console.log(m) });
    }),
  );

const cal = program.command('calendar').description('工作日历');
cal
  .command('add-workdays <date> <n>')
  .description('某日之后第 n 个工作日（当日不计）')
  .action((date: string, n: string) =>
    withSystem(async (sys) => {
      console.log(sys.calendar.current.addWorkdays(checkDate(date), checkInt(n, 'n')));
    }),
  );
cal
  .command('is-workday <date>')
  .description('某日是否为工作日（含调休上班日）')
  .action((date: string) =>
    withSystem(async (sys) => {
      console.log(String(sys.calendar.current.isWorkday(checkDate(date))));
    }),
  );
cal
  .command('explain <date> <n> <unit>')
  .description('推算期限并说明：unit 为 workday（工作日）、day（自然日）或 month（月）')
  .action((date: string, n: string, unit: string) =>
    withSystem(async (sys) => {
      if (!['workday', 'day', 'month'].includes(unit)) throw new AppError('VALIDATION', 'unit 应为 workday、day 或 month', 1, { field: 'unit' });
      const ex = sys.calendar.explain({
        start: checkDate(date),
        rule: { key: 'cli', label: '试算', unit: unit as 'workday', n: checkInt(n, 'n'), source: '命令行试算' },
      });
      console.log(ex.due);
      console.log(ex.text);
      for (const w of ex.warnings) console.log(`注意：${w}`);
    }),
  );

program
  .command('import <ledger> <file>')
  .description('导入台账文件（xlsx/csv）：任何一行有错误则不导入任何数据')
  .option('--dry-run', '只检查，不写入')
  .option('--tenant <name>', '导入到哪个局（多局部署时）')
  .action((key: string, file: string, o: { dryRun?: boolean; tenant?: string }) =>
    withSystem(async (sys) => {
      const def = sys.registry.ledgers.get(key);
      if (!def) throw new AppError('VALIDATION', `未知台账：${key}（可用：${[...sys.registry.ledgers.keys()].join('、')}）`, 1, { field: 'ledger' });
      if (!fs.existsSync(file)) throw new AppError('VALIDATION', `文件不存在：${file}`, 1, { field: 'file' });
      const data = fs.readFileSync(file);
      const filename = path.basename(file);
      let ctx: Ctx;
      const tenants = await listTenants(sys.db);
      if (!tenants.length && key === 'orgs' && !o.dryRun) ctx = await firstImportTenant(sys, data, filename);
      else ctx = await tenantCtx(sys, o.tenant);
      const r = await importLedger(sys, ctx, def, { file: { data, filename }, dryRun: o.dryRun });
      if (!r.ok) {
        console.error(`导入失败，未写入任何数据。共 ${r.errorCount} 处错误${r.errorCount > r.errors.length ? `（列出前 ${r.errors.length} 处）` : ''}：`);
        console.error(formatLedgerErrors(r.errors).join('\n'));
        exitCode = 2;
        return;
      }
      console.log(
        `${r.dryRun ? '检查通过（未写入）' : '导入完成'}：${r.rows} 行，新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}，历史问题 ${r.findingCount} 条${r.importId ? `（导入编号 ${r.importId}）` : ''}`,
      );
      for (const i of r.ignoredRows) console.log(`  第${i.row}行已忽略：${i.reason}`);
      for (const f of r.findings.slice(0, 50)) console.log(`  第${f.row}行${f.column ? `「${f.column}」` : ''}：${f.message}（${f.statute}）`);
      if (r.findingCount > 50) console.log(`  ……另有 ${r.findingCount - 50} 条历史问题，见 fazhi imports show ${r.importId ?? ''}`);
    }),
  );

const imports = program.command('imports').description('导入记录：谁在何时导入了哪个文件、结果与历史问题；撤销最近一次导入');
imports
  .command('list', { isDefault: true })
  .description('列出导入记录（最新在前）')
  .option('--ledger <key>', '只看某个台账')
  .option('--limit <n>', '条数', '50')
  .option('--tenant <name>', '哪个局（多局部署时）')
  .option('--json', '输出 JSON')
  .action((o: { ledger?: string; limit: string; tenant?: string; json?: boolean }) =>
    withSystem(async (sys) => {
      const ctx = await tenantCtx(sys, o.tenant);
      const items = await listImports(ctx, [...sys.registry.ledgers.keys()], { ledger: o.ledger, limit: Number(o.limit) || 50 });
      if (o.json) return void console.log(JSON.stringify(items, null, 2));
      if (!items.length) return void console.log('没有导入记录');
      for (const i of items) {
        console.log(
          `${i.id}  ${i.at.toISOString()}  ${i.ledger}  ${i.filename}  ${i.actorName}  ${i.rows} 行：新增 ${i.created}，更新 ${i.updated}，未变 ${i.unchanged}，历史问题 ${i.findings}${i.undoneAt ? `  （已于 ${i.undoneAt.toISOString()} 由 ${i.undoneBy} 撤销）` : ''}`,
        );
      }
    }),
  );
imports
  .command('show <id>')
  .description('一次导入的详情与历史问题')
  .option('--tenant <name>', '哪个局（多局部署时）')
  .option('--file <out>', '把导入的原始文件保存到此处')
  .action((id: string, o: { tenant?: string; file?: string }) =>
    withSystem(async (sys) => {
      const ctx = await tenantCtx(sys, o.tenant);
      const r = await getImport(ctx, id);
      console.log(`${r.ledger}  ${r.filename}（sha256 ${r.sha256}，${r.size} 字节）`);
      console.log(
        `${r.actorName} 于 ${r.at.toISOString()} 导入 ${r.rows} 行：新增 ${r.created}，更新 ${r.updated}，未变 ${r.unchanged}${r.undoneAt ? `；已于 ${r.undoneAt.toISOString()} 由 ${r.undoneBy} 撤销` : ''}`,
      );
      for (const i of r.ignoredRows) console.log(`  第${i.row}行已忽略：${i.reason}`);
      for (const f of r.findingList) console.log(`  第${f.row}行${f.column ? `「${f.column}」` : ''}：${f.message}（${f.statute}）`);
      if (o.file) {
        const f = await importFile(ctx, sys.files, id);
        fs.writeFileSync(o.file, f.data);
        console.log(`原始文件已保存：${o.file}`);
      }
    }),
  );
imports
  .command('undo <id>')
  .description('撤销该台账最近一次导入（导入后其记录未被继续办理时）')
  .option('--tenant <name>', '哪个局（多局部署时）')
  .action((id: string, o: { tenant?: string }) =>
    withSystem(async (sys) => {
      const ctx = await tenantCtx(sys, o.tenant);
      const r = await getImport(ctx, id, { findingsLimit: 0 });
      const def = sys.registry.ledgers.get(r.ledger);
      if (!def) throw new AppError('VALIDATION', `未知台账：${r.ledger}`, 1, { field: 'ledger' });
      const done = await undoImport(ctx, def, id);
      console.log(`已撤销：删除导入新增的 ${done.deleted} 条记录，恢复导入更新的 ${done.restored} 条记录`);
    }),
  );

program
  .command('export <ledger>')
  .description('导出台账（按文件扩展名：.xlsx 或 .csv）')
  .requiredOption('-o, --out <file>', '输出文件')
  .option('--gb18030', 'CSV 用 GB18030 编码（默认 UTF-8 带 BOM）')
  .option('--tenant <name>', '哪个局')
  .action((key: string, o: { out: string; gb18030?: boolean; tenant?: string }) =>
    withSystem(async (sys) => {
      const def = sys.registry.ledgers.get(key);
      if (!def) throw new AppError('VALIDATION', `未知台账：${key}（可用：${[...sys.registry.ledgers.keys()].join('、')}）`, 1, { field: 'ledger' });
      const ctx = await tenantCtx(sys, o.tenant);
      const rows = (await def.exportRows(ctx)) as Record<string, unknown>[];
      const buf = o.out.toLowerCase().endsWith('.csv')
        ? writeCsv(def.spec, rows, { encoding: o.gb18030 ? 'gb18030' : 'utf8-bom' })
        : await writeXlsx(def.spec, rows);
      fs.writeFileSync(o.out, buf);
      console.log(`已导出 ${rows.length} 行到 ${o.out}`);
    }),
  );

program
  .command('metrics')
  .description('计算某年度全部指标')
  .requiredOption('--year <year>', '年度')
  .option('--org <name>', '只统计某单位')
  .option('--json', '输出 JSON：{ 指标键: 值 }')
  .option('--tenant <name>', '哪个局')
  .action((o: { year: string; org?: string; json?: boolean; tenant?: string }) =>
    withSystem(async (sys) => {
      const ctx = await tenantCtx(sys, o.tenant);
      let orgIds: string[] | null = null;
      if (o.org) {
        const org = (await orgsByName(sys.db, ctx.actor.tenantId)).get(o.org);
        if (!org) throw new AppError('VALIDATION', `找不到单位“${o.org}”`, 1, { field: 'org' });
        orgIds = [org.id];
      }
      const year = checkInt(o.year, 'year');
      const q = metricQuery(ctx, yearPeriod(year), orgIds);
      const defs = await sys.registry.metrics.expand(q);
      const values = await sys.registry.metrics.computeAll(q, defs);
      if (o.json) {
        console.log(JSON.stringify(values, null, 2));
        return;
      }
      for (const d of defs) console.log(`${d.key}\t${values[d.key] ?? '—'}\t${d.title}`);
    }),
  );

program
  .command('workflow [key]')
  .description('流程矩阵：不带参数列出全部流程；带流程键（如 enforcement.case）打印其 角色 × 阶段 × 环节 表（Markdown）')
  .action((key?: string) => {
    const registry = new Registry(modules);
    if (!key) {
      for (const w of registry.workflows.values())
        console.log(`${w.key}\t${w.label}\t${Object.keys(w.stages).length} 个阶段、${Object.keys(w.events).length} 个环节`);
      return;
    }
    const w = registry.workflows.get(key);
    if (!w) throw new AppError('NOT_FOUND', `没有流程“${key}”；可用：${[...registry.workflows.keys()].join('、')}`, 1);
    console.log(matrixMarkdown(w));
  });

const report = program.command('report').description('报告');
report
  .command('rule-of-law')
  .description('法治政府建设年度报告：docx（GB/T 9704 公文格式）、html（数字可下钻）或 pdf')
  .requiredOption('--year <year>', '年度')
  .option('--format <format>', 'docx、html 或 pdf', 'docx')
  .requiredOption('-o, --out <file>', '输出文件')
  .option('--tenant <name>', '哪个局')
  .action((o: { year: string; format: string; out: string; tenant?: string }) =>
    withSystem(async (sys) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new AppError('VALIDATION', `格式应为 ${FORMATS.join('、')}`, 1, { field: 'format' });
      const ctx = await tenantCtx(sys, o.tenant);
      const doc = await renderDocument(sys, ctx.actor.tenantId, checkInt(o.year, 'year'), o.format as ReportFormat);
      fs.writeFileSync(o.out, doc.data);
      console.log(`已生成 ${o.out}（${doc.filename}）`);
      for (const w of doc.warnings) console.log(`待核实：${w}`);
    }),
  );

report
  .command('disclosure')
  .description('政府信息公开工作年度报告（表格由记录计算并校验勾稽关系）：docx、html 或 xlsx')
  .requiredOption('--year <year>', '年度')
  .option('--format <format>', 'docx、html 或 xlsx', 'docx')
  .requiredOption('-o, --out <file>', '输出文件')
  .option('--tenant <name>', '哪个局')
  .action((o: { year: string; format: string; out: string; tenant?: string }) =>
    withSystem(async (sys) => {
      if (!['docx', 'html', 'xlsx'].includes(o.format)) throw new AppError('VALIDATION', '格式应为 docx、html 或 xlsx', 1, { field: 'format' });
      const ctx = await tenantCtx(sys, o.tenant);
      const doc = await renderDisclosureReport(sys, ctx.actor.tenantId, checkInt(o.year, 'year'), o.format as DisclosureFormat);
      fs.writeFileSync(o.out, doc.data);
      console.log(`已生成 ${o.out}（${doc.filename}）`);
      if (doc.check.ok) console.log('勾稽关系校验通过：新收＋上年结转＝办理结果总计＋结转下年度');
      else {
        console.log('勾稽关系校验不通过：');
        for (const p of doc.check.problems) console.log(`  ${p}`);
        exitCode = 4;
      }
    }),
  );

const audit = program.command('audit').description('审计链');
audit
  .command('verify')
  .description('校验审计链：自最近的已签名检查点起逐条校验新事件（--full 从头校验），指出第一条被破坏的事件；通过后签署新的检查点')
  .option('--full', '从第一条事件起全部校验')
  .option('--records', '再逐条比对业务记录与其最后一次记录的状态，列出在系统之外被改动、插入或删除的记录')
  .option('--seal', '与 --records 同用：为尚无状态记录的记录（升级前的数据）建立完整性基线；只在升级后运行一次')
  .action((o: { full?: boolean; records?: boolean; seal?: boolean }) =>
    withSystem(async (sys) => {
      const tenants = await listTenants(sys.db);
      let bad = false;
      for (const t of tenants) {
        const r = await verifyIncremental(sys.db, t.id, sys.auditKey, { full: o.full, sink: sys.keys.sink });
        if (r.ok)
          console.log(
            `${t.name}：审计链完整，共 ${r.events} 条事件（${r.fromSeq ? `自第 ${r.fromSeq} 号检查点起` : '从头'}校验 ${r.checked} 条${r.checkpoint ? `，已签署第 ${r.checkpoint} 号检查点` : ''}）`,
          );
        else {
          bad = true;
          console.log(`${t.name}：审计链在第 ${r.brokenAt} 号事件处断开 —— ${r.reason}`);
          continue; // the records' states are only as good as the chain that carries them
        }
        if (!o.records) continue;
        if (o.seal) {
          const n = await write(sys.ctx(systemActor(t.id, '完整性基线')), (w) => sealUntraced(w.tx, t.id, (inputs) => w.auditMany(inputs)));
          console.log(`${t.name}：已为 ${n} 条尚无状态记录的记录建立基线`);
        }
        const rr = await verifyRecords(sys.db, t.id, { limit: 50 });
        const total = rr.entities.reduce((n, e) => n + e.records, 0);
        if (rr.ok) console.log(`${t.name}：${rr.entities.length} 类共 ${total} 条业务记录与审计记录一致`);
        else {
          bad = true;
          console.log(
            `${t.name}：${rr.problemCount} 条业务记录与审计记录不符${rr.tamperedImports.length ? `，${rr.tamperedImports.length} 次导入的来源记录被改动` : ''}`,
          );
          for (const e of rr.entities.filter((e) => e.problems)) console.log(`  ${e.label}：${e.problems} 条（共 ${e.records} 条）`);
          for (const p of rr.problems)
            console.log(
              `  ${RECORD_PROBLEM[p.kind]}：${recordStateOf(p.entity)?.label ?? p.entity} ${p.entityId}${p.seq ? `（最后一次记录于第 ${p.seq} 号事件）` : ''}`,
            );
          if (rr.problemCount > rr.problems.length) console.log(`  ……另有 ${rr.problemCount - rr.problems.length} 条未列出`);
          for (const i of rr.tamperedImports) console.log(`  导入 ${i.importId}（第 ${i.seq} 号事件）：来源记录中的记录状态与事件中的摘要不符`);
        }
      }
      if (bad) exitCode = 3;
    }),
  );

const RECORD_PROBLEM = {
  changed: '在系统之外被改动',
  deleted: '在系统之外被删除',
  inserted: '删除后在系统之外重新插入',
  untraced: '无任何操作记录（在系统之外插入，或早于状态记录）',
} as const;

addUserCommand(program, withSystem);
addKeysCommand(program, withSystem);

function checkDate(s: string): string {
  if (!isIsoDate(s)) {
    throw new AppError('VALIDATION', `日期无效：${s}（格式 YYYY-MM-DD）`, 1, { field: 'date' });
  }
  return s;
}
function checkInt(s: string, field: string): number {
  if (!/^-?\d+$/.test(s)) throw new AppError('VALIDATION', `${field} 应为整数：${s}`, 1, { field });
  return Number(s);
}

program
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    console.error(e instanceof AppError ? `错误：${e.message}` : e);
    exitCode = 1;
  })
  .finally(() => {
    process.exitCode = exitCode;
  });
