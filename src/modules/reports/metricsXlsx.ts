import { loadExcel } from '../../core/ledger/excel.js';
import type { System } from '../../core/system.js';
import { UNIT_LABELS, metricQuery, yearPeriod } from '../../core/metrics/registry.js';
import { systemActor } from '../../core/context.js';

/** All metrics of a year (with last year's values) as an xlsx sheet: 指标键, 指标, 定义, 单位, 本年, 上年. */
export async function metricsWorkbook(sys: System, tenantId: string, year: number): Promise<Buffer> {
  const q = metricQuery(sys.ctx(systemActor(tenantId, '报告')), yearPeriod(year));
  const defs = await sys.registry.metrics.expand(q);
  const [cur, prev] = await Promise.all([
    sys.registry.metrics.computeAll(q, defs),
    sys.registry.metrics.computeAll({ ...q, period: yearPeriod(year - 1) }, defs),
  ]);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(`${year}年指标`);
  ws.columns = [
    { header: '指标键', key: 'key', width: 40 },
    { header: '指标', key: 'title', width: 30 },
    { header: '单位', key: 'unit', width: 10 },
    { header: `${year}年`, key: 'cur', width: 14 },
    { header: `${year - 1}年`, key: 'prev', width: 14 },
    { header: '定义', key: 'definition', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const d of defs)
    ws.addRow({ key: d.key, title: d.title, unit: UNIT_LABELS[d.unit] || '个', cur: cur[d.key] ?? '', prev: prev[d.key] ?? '', definition: d.definition });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
