import { loadExcel } from '../../core/ledger/excel.js';
import type { System } from '../../core/system.js';
import { metricQuery, yearPeriod } from '../../core/metrics/registry.js';
import { systemActor } from '../../core/context.js';
import { blocksToHtml, bizDate, bureauOf, officialDocx, reportRows, type Block } from '../demands/index.js';
import { remediesTable, requestsTable, REMEDY_RESULTS, type Remedy } from './rules.js';
import { proactiveSectionsOfYear, reportTexts } from './repository.js';
import type { DisclosureReport } from './schemas.js';

export type ReportFormat = 'docx' | 'html' | 'xlsx';

export type { DisclosureReport } from './schemas.js';

const SECTIONS = ['总体情况', '存在的主要问题及改进情况', '其他需要报告的事项'] as const;

/** Computes the report's tables for a tenant and year from the records. */
export async function buildDisclosureReport(sys: Pick<System, 'db' | 'registry' | 'ctx'>, tenantId: string, year: number): Promise<DisclosureReport> {
  const db = sys.db;
  const bureau = await bureauOf(db, tenantId);
  const rows = await reportRows(db, tenantId, 'disclosure');
  const requests = requestsTable(
    rows.map((r) => ({
      refNo: r.ref_no,
      applicantType: r.demand_type ?? '其他',
      receivedOn: bizDate(r.received_at)!,
      repliedOn: bizDate(r.replied_at),
      outcome: r.result,
    })),
    year,
  );
  const remedies = remediesTable(
    rows.flatMap((r) => ((r.attrs as { remedies?: Remedy[] }).remedies ?? []) as Remedy[]),
    year,
  );
  const items = await proactiveSectionsOfYear(db, tenantId, year);
  const bySection = new Map<string, number>();
  for (const i of items) bySection.set(i.section, (bySection.get(i.section) ?? 0) + 1);
  // Figures owned by other modules come through the metric registry (null when not installed).
  const q = metricQuery(sys.ctx(systemActor(tenantId, '报告')), yearPeriod(year));
  const metric = async (keys: string[]) => {
    let total: number | null = null;
    for (const k of keys) {
      const d = sys.registry.metrics.resolve(k);
      if (!d) continue;
      const v = await d.query(q);
      if (typeof v === 'number') total = (total ?? 0) + v;
    }
    return total;
  };
  const proactive = [
    { item: '规章', measure: '本年制发件数', value: bySection.get('规章') ?? 0, source: '主动公开台账“规章”栏目' },
    // 行政规范性文件: from the legal module's register (统一编号公布) through the metric registry; the
    // proactive ledger's section only when that register is not installed.
    ...(await normativeRows(metric, bySection.get('行政规范性文件') ?? 0)),
    {
      item: '行政许可',
      measure: '本年处理决定数量',
      value: await metric(['licensing.water.closed', 'licensing.drainage.closed', 'licensing.construction.closed']),
      source: '行政许可办件本年办结数',
    },
    {
      item: '行政处罚',
      measure: '本年处理决定数量',
      value: await metric(['enforcement.bureau.closed']),
      source: '本局行政处罚结案数',
    },
    { item: '行政强制', measure: '本年处理决定数量', value: bySection.get('行政强制') ?? 0, source: '主动公开台账“行政强制”栏目' },
    { item: '行政事业性收费', measure: '本年收费金额（万元）', value: 0, source: '本局无行政事业性收费项目（如有请在“其他需要报告的事项”说明）' },
  ];
  const texts = await reportTexts(db, tenantId, year);
  const narrative: Record<string, string> = Object.fromEntries(texts.map((x) => [x.section, x.body]));
  const total = requests.rows.find((r) => r.key === 'new')!.counts.at(-1)!;
  const closed = requests.rows.find((r) => r.key === 'total')!.counts.at(-1)!;
  narrative.总体情况 ??= `${year}年，${bureau.name}主动公开政府信息${items.length}条；收到政府信息公开申请${total}件，办结${closed}件。`;
  narrative.存在的主要问题及改进情况 ??= '（请填写）';
  narrative.其他需要报告的事项 ??= '本年度未收取信息处理费。';
  return {
    year,
    bureau: bureau.name,
    proactive,
    proactiveBySection: [...bySection].map(([section, count]) => ({ section, count })).sort((a, b) => b.count - a.count),
    requests: { ...requests, columns: [...requests.columns] },
    remedies,
    narrative,
  };
}

const numText = (n: number | null) => (n == null ? '—' : String(n));

function blocks(r: DisclosureReport): Block[] {
  const req = r.requests;
  const indent = (level: number) => '　'.repeat(level);
  return [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'para', text: r.narrative.总体情况! },
    { kind: 'heading', level: 1, text: '二、主动公开政府信息情况' },
    { kind: 'table', caption: '主动公开政府信息情况', rows: [['信息内容', '指标', '数量'], ...r.proactive.map((p) => [p.item, p.measure, numText(p.value)])] },
    ...(r.proactiveBySection.length
      ? [
          {
            kind: 'table' as const,
            caption: '按栏目统计的主动公开信息',
            rows: [['栏目', '条数'], ...r.proactiveBySection.map((s) => [s.section, String(s.count)])],
          },
        ]
      : []),
    { kind: 'heading', level: 1, text: '三、收到和处理政府信息公开申请情况' },
    {
      kind: 'table',
      caption: '收到和处理政府信息公开申请情况',
      rows: [
        ['本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', ...req.columns],
        ...req.rows.map((row) => [indent(row.level) + row.label, ...(row.counts.length ? row.counts.map(String) : req.columns.map(() => ''))]),
      ],
    },
    ...(req.check.ok ? [] : [{ kind: 'para' as const, text: `【校验未通过】${req.check.problems.join('；')}` }]),
    { kind: 'heading', level: 1, text: '四、政府信息公开行政复议、行政诉讼情况' },
    {
      kind: 'table',
      caption: '政府信息公开行政复议、行政诉讼情况',
      rows: [['类别', ...REMEDY_RESULTS, '总计'], ...r.remedies.map((x) => [x.kind, ...x.counts.map(String)])],
    },
    { kind: 'heading', level: 1, text: '五、存在的主要问题及改进情况' },
    { kind: 'para', text: r.narrative.存在的主要问题及改进情况! },
    { kind: 'heading', level: 1, text: '六、其他需要报告的事项' },
    { kind: 'para', text: r.narrative.其他需要报告的事项! },
  ];
}

async function xlsx(r: DisclosureReport): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const add = (name: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 48 : 14;
    });
  };
  add('主动公开', [['信息内容', '指标', '数量', '数据来源'], ...r.proactive.map((p) => [p.item, p.measure, p.value, p.source])]);
  add('依申请公开', [['项目', ...r.requests.columns], ...r.requests.rows.map((row) => ['　'.repeat(row.level) + row.label, ...row.counts])]);
  add('复议诉讼', [['类别', ...REMEDY_RESULTS, '总计'], ...r.remedies.map((x) => [x.kind, ...x.counts])]);
  add('校验', [
    ['勾稽关系（新收＋上年结转＝办理结果总计＋结转下年度）', r.requests.check.ok ? '通过' : '不通过'],
    ...r.requests.check.problems.map((p) => [p]),
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Renders the annual report of a tenant for a year (for `fazhi report disclosure
 * --year Y` and the web page). The check rule's result comes back beside the file.
 */
export async function renderDisclosureReport(sys: Pick<System, 'db' | 'registry' | 'ctx'>, tenantId: string, year: number, format: ReportFormat) {
  const report = await buildDisclosureReport(sys, tenantId, year);
  const title = `${report.bureau}${year}年政府信息公开工作年度报告`;
  const doc = { title, blocks: blocks(report), issuer: report.bureau };
  const data = format === 'docx' ? await officialDocx(doc) : format === 'html' ? Buffer.from(blocksToHtml(doc), 'utf8') : await xlsx(report);
  return { data, filename: `${title}.${format}`, mime: MIME[format], check: report.requests.check, report };
}

export const REPORT_SECTIONS = SECTIONS;

/**
 * Table 二's 行政规范性文件 rows — 本年制发 / 本年废止 / 现行有效 — from the legal module's metrics
 * (legal.normative_issued / _repealed / _in_force, read through the registry). Without that module,
 * 本年制发 falls back to the proactive ledger's section and the other two are left blank (—).
 */
async function normativeRows(metric: (keys: string[]) => Promise<number | null>, ledgerCount: number) {
  const issued = await metric(['legal.normative_issued']);
  return [
    issued === null
      ? { item: '行政规范性文件', measure: '本年制发件数', value: ledgerCount, source: '主动公开台账“行政规范性文件”栏目' }
      : { item: '行政规范性文件', measure: '本年制发件数', value: issued, source: '规范性文件统一编号公布数' },
    {
      item: '行政规范性文件',
      measure: '本年废止件数',
      value: await metric(['legal.normative_repealed']),
      source: '规范性文件本年废止数',
    },
    {
      item: '行政规范性文件',
      measure: '现行有效件数',
      value: await metric(['legal.normative_in_force']),
      source: '规范性文件年末现行有效数',
    },
  ];
}
