import { systemActor } from '../../../src/core/context.js';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { login } from '../../helpers/http.js';
import { composeRuleOfLawReport, allFigures, sentenceText, statedSentences } from '../../../src/modules/reports/compose.js';
import { renderDocx } from '../../../src/modules/reports/render/docx.js';
import { renderHtml } from '../../../src/modules/reports/render/html.js';
import { formatFigure, formatOf } from '../../../src/modules/reports/figures.js';
import { expectRefused, serverSuite } from '../../helpers/server.js';
import { yearPeriod, metricQuery } from '../../../src/core/metrics/registry.js';

const env = serverSuite({ legal: 'legal', leader: 'leader' });

// The 2022 figures METRICS.md states (a copy of ../shared/tools/seed-2022-figures.json, so the test runs anywhere).
const seedFigures: Record<string, number | string> = JSON.parse(fs.readFileSync(new URL('../../fixtures/seed-2022-figures.json', import.meta.url), 'utf8'));

async function docxText(buf: Buffer): Promise<{ xml: string; text: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text, zip };
}

describe('the annual rule-of-law report', () => {
  it('has the sections the rules require, with the measures split into the seed report’s sub-parts', async () => {
    const r = await composeRuleOfLawReport(env.sys, env.tenantId, 2022);
    expect(r.title).toBe('广州市天河区水务局关于2022年度法治政府建设情况的报告');
    expect(r.sections.map((s) => s.number + s.title)).toEqual([
      '一、2022年度推进法治政府建设的主要举措和成效',
      '二、2022年度推进法治政府建设存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2023年度推进法治政府建设的主要安排',
      '五、其他需要报告的事项',
    ]);
    expect(r.sections[0]!.children.map((c) => c.title)).toHaveLength(10);
  });

  it('states every figure it has in the DOCX, in the GB/T 9704 layout', async () => {
    const r = await composeRuleOfLawReport(env.sys, env.tenantId, 2022);
    const { xml, text, zip } = await docxText(await renderDocx(r));
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1588"|w:top="2098"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('w:evenAndOddHeaders');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d+\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.some((f) => f.includes('PAGE'))).toBe(true);
    for (const s of r.sections.flatMap((x) => [x, ...x.children])) for (const sent of statedSentences(s)) expect(text).toContain(sentenceText(sent));
    expect(text).toContain(r.sections[0]!.narrative!.body);
  });

  it('states each seed figure the registry computes, the way the report writes it', async () => {
    const r = await composeRuleOfLawReport(env.sys, env.tenantId, 2022);
    const { text } = await docxText(await renderDocx(r));
    const figures = new Map(allFigures(r).map((f) => [f.metric, f]));
    const checked: string[] = [];
    for (const [key, want] of Object.entries(seedFigures)) {
      const f = figures.get(key);
      if (!f || f.missing) continue;
      const def = env.sys.registry.metrics.resolve(key)!;
      if (typeof want === 'number') expect(Math.abs(Number(f.value) - want), key).toBeLessThan(0.0051);
      else expect(String(f.value), key).toBe(want);
      expect(text, key).toContain(f.text);
      // The text is the value as the report writes it, or its round-down with 余/逾 where the bureau chose so.
      if (!f.approx) expect(f.text, key).toBe(formatFigure(f.value, formatOf(def.unit)).text);
      else expect(f.text, key).toMatch(/^(\d+余|逾\d+)$/);
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(0);
  });

  it('links every figure of the HTML report to records whose count equals the figure', async () => {
    const res = await env.leader.req('GET', '/api/reports/rule-of-law/2022/document?format=html');
    expect(res.status).toBe(200);
    const html = String(res.body);
    const links = [...html.matchAll(/<a class="figure" data-metric="([^"]+)" data-api="([^"]+)"[^>]*data-value="([^"]*)"[^>]*href="([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(10);
    for (const [, metric, api, value, href] of links) {
      expect(href).toContain(`/metrics/drill/${encodeURIComponent(metric!)}`);
      const drill = await env.leader.req('GET', api!.replace(/&amp;/g, '&'));
      expect(drill.status, metric).toBe(200);
      expect(String(drill.body.data.value), metric).toBe(value);
      const d = drill.body.data;
      if (d.unit === 'count' && d.sumOf)
        expect(
          d.rows.reduce((a: number, r: any) => a + Number(r[d.sumOf]), 0),
          metric,
        ).toBe(Number(value));
      else if (d.unit === 'count') expect(d.total, metric).toBe(Number(value));
    }
  });

  it('flags figures the data cannot support instead of inventing them', async () => {
    const r = await composeRuleOfLawReport(env.sys, env.tenantId, 2015);
    const counts = allFigures(r).filter((f) => f.value === 0 || f.missing);
    expect(counts.length).toBeGreaterThan(0);
    expect(allFigures(r).filter((f) => f.missing).length).toBeGreaterThan(0);
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(renderHtml(r)).toContain('class="missing"');
  });
});

describe('metric families in the report', () => {
  it('states only the monitoring sections the bureau includes (the demo: 猎德)', async () => {
    const r = await composeRuleOfLawReport(env.sys, env.tenantId, 2022);
    const enf = r.sections[0]!.children.find((c) => c.key === 'measures.enforcement')!;
    const optional = enf.sentences.filter((s) => s.optional);
    expect(optional.length).toBeGreaterThan(1);
    expect(
      statedSentences(enf)
        .filter((s) => s.optional)
        .map((s) => s.optional!.metric),
    ).toEqual(['rivers.section_class.猎德']);
    const { text } = await docxText(await renderDocx(r));
    expect(text).toContain('猎德断面水质达到IV类（按月均值最差月份法评价）');
    const other = optional.find((s) => !s.optional!.included)!;
    expect(text).not.toContain(sentenceText(other));
    const res = await env.legal.req('PUT', `/api/reports/rule-of-law/2022/figures/${encodeURIComponent(other.optional!.metric)}`, {
      rounding: 'exact',
      stateYoy: false,
      include: true,
    });
    expect(res.status).toBe(200);
    const again = await docxText(await renderDocx(await composeRuleOfLawReport(env.sys, env.tenantId, 2022)));
    expect(again.text).toContain(sentenceText(other));
  });
});

describe('narratives and figure options', () => {
  it('keeps every version and refuses a save based on a stale version (409)', async () => {
    const r = (await env.legal.req('GET', '/api/reports/rule-of-law/2022')).body.data;
    const sec = r.sections[1];
    const base = sec.narrative?.version ?? null;
    const saved = await env.legal.req('PUT', `/api/reports/rule-of-law/2022/narratives/${sec.key}`, { body: '新的不足表述。', baseVersion: base });
    expect(saved.status).toBe(200);
    expect(saved.body.data.version).toBe((base ?? 0) + 1);
    const stale = await env.legal.req('PUT', `/api/reports/rule-of-law/2022/narratives/${sec.key}`, { body: '覆盖他人的修改', baseVersion: base });
    expect(stale.status).toBe(409);
    const versions = (await env.legal.req('GET', `/api/reports/rule-of-law/2022/narratives/${sec.key}/versions`)).body.data;
    expect(versions.map((v: any) => v.body)).toContain('新的不足表述。');
    expect(versions.length).toBe((base ?? 0) + 1);
    const hist = await env.legal.req('GET', `/api/history/reports.narrative/${encodeURIComponent(`rule-of-law:2022:${sec.key}`)}`);
    expect(hist.status).toBe(200);
    expect(hist.body.data.at(-1).changes.fields[0]).toMatchObject({ field: 'body', after: '新的不足表述。' });
  });

  it('only the legal office and admins edit; an unknown section names the field', async () => {
    expect((await env.leader.req('PUT', '/api/reports/rule-of-law/2022/narratives/plan', { body: 'x', baseVersion: null })).status).toBe(403);
    const bad = await env.legal.req('PUT', '/api/reports/rule-of-law/2022/narratives/nope', { body: 'x', baseVersion: null });
    expectRefused(bad, 'section');
  });

  it('states the change on last year where the bureau asks for it', async () => {
    const key = 'org.streets';
    await env.legal.req('PUT', `/api/reports/rule-of-law/2022/figures/enforcement.bureau.filed`, { rounding: 'exact', stateYoy: true });
    const r = (await env.legal.req('GET', '/api/reports/rule-of-law/2022')).body.data;
    const f = r.sections[0].children
      .flatMap((c: any) => c.sentences)
      .flatMap((s: any) => s.segments)
      .find((x: any) => x.figure?.metric === 'enforcement.bureau.filed')?.figure;
    if (f && f.previous !== null && f.previous !== undefined) expect(f.yoy).toBe(f.change);
    expect(key).toBe('org.streets');
  });

  it('exports every metric of a year as xlsx with last year beside it', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/reports/metrics/2022', headers: { cookie: env.leader.cookie } });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0]!;
    const keys = ws.getColumn(1).values.slice(2).map(String);
    const expected = await env.sys.registry.metrics.expand(metricQuery(env.sys.ctx(systemActor(env.tenantId)), yearPeriod(2022)));
    expect(keys.sort()).toEqual(expected.map((d) => d.key).sort());
  });
});

describe('the leaders’ dashboard', () => {
  it('serves key figures, twelve months of trends, deadlines by module and the 21 streets', async () => {
    const res = await env.leader.req('GET', '/api/dashboard?year=2022');
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.trends.months).toHaveLength(12);
    for (const s of d.trends.series) expect(s.values).toHaveLength(12);
    expect(d.streets.rows).toHaveLength(21);
    for (const f of d.figures) expect(f).toHaveProperty('previous');
    // The registers of the bureau as respondent, its major decisions and its inspections are on it too.
    const byKey = Object.fromEntries(d.figures.map((f: { key: string; value: unknown }) => [f.key, f.value]));
    expect(byKey).toMatchObject({ 'litigation.received': 5, 'litigation.correction_rate': 50 });
    expect(Object.keys(byKey)).toEqual(expect.arrayContaining(['decisions.made', 'inspections.random_share']));
  });

  it('counts every open deadline in SQL, as each one’s status today says, and lists the twenty most pressing', async () => {
    const d = (await env.leader.req('GET', '/api/dashboard?year=2022')).body.data;
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    const all = await env.sys.calendar.listOpen(ctx, { limit: 1_000_000 });
    expect(all.length).toBeGreaterThan(0);
    const expected = new Map<string, { overdue: number; dueSoon: number; ok: number }>();
    for (const o of all) {
      const m = expected.get(o.module) ?? { overdue: 0, dueSoon: 0, ok: 0 };
      if (o.status === 'overdue') m.overdue++;
      else if (o.status === 'due_soon') m.dueSoon++;
      else m.ok++;
      expected.set(o.module, m);
    }
    const got = d.deadlines.byModule as Array<{ module: string; overdue: number; dueSoon: number; ok: number }>;
    expect(Object.fromEntries(got.map(({ module, overdue, dueSoon, ok }) => [module, { overdue, dueSoon, ok }]))).toEqual(Object.fromEntries(expected));
    const pressing = all.filter((o) => o.status === 'overdue' || o.status === 'due_soon');
    expect(d.deadlines.urgent.map((u: { due: string }) => u.due)).toEqual(pressing.slice(0, 20).map((o) => o.due));
    for (const s of d.streets.rows as Array<{ orgId: string; overdue: number }>)
      expect(s.overdue, s.orgId).toBe(pressing.filter((o) => o.orgId === s.orgId && o.status === 'overdue').length);
    // In a unit's scope only its own deadlines are summed.
    const street = d.streets.rows.find((s: { overdue: number }) => s.overdue > 0) ?? d.streets.rows[0];
    const scoped = env.sys.ctx({ ...systemActor(env.tenantId), scope: { all: false, orgIds: [street.orgId] } });
    const mine = await env.sys.calendar.openSummary(scoped);
    expect([...mine.overdueByOrg.keys()].every((k) => k === street.orgId)).toBe(true);
    expect(mine.byModule.reduce((n, m) => n + m.overdue + m.dueSoon + m.ok, 0)).toBe(all.filter((o) => o.orgId === street.orgId).length);
  });

  it('is not for street users', async () => {
    const wushan = await login(env.app, 'wushan');
    expect((await wushan.req('GET', '/api/dashboard?year=2022')).status).toBe(403);
  });
});
