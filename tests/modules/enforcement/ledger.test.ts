import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

let officerNames: string[];

const env = serverSuite({ admin: 'admin' });
beforeAll(async () => {
  officerNames = (await env.admin.req('GET', '/api/enforcement/officers')).body.data.filter((o: any) => o.orgName === '水政监察大队').map((o: any) => o.name);
});

async function upload(key: string, csv: string, dryRun = false) {
  const boundary = '----enf';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent('案件.csv')}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return env.admin.req('POST', `/api/ledgers/${key}/import?dryRun=${dryRun}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const HEADER =
  '案件编号,办案单位,案件来源,案由,当事人类型,当事人名称,立案日期,处罚种类,罚款金额,决定日期,决定文书号,送达日期,执行完毕日期,结案日期,公示日期,承办人';

describe('penalty-cases ledger', () => {
  it('a file with a bad row changes nothing and names the row and column', async () => {
    const o = officerNames.slice(0, 2).join('、');
    const csv = [
      HEADER,
      `天水执立〔2021〕1号,水政监察大队,巡查发现,在河道管理范围内倾倒渣土,法人,广州市甲公司,2021-03-01,罚款,"20,000",2021-04-01,穗天水罚〔2021〕1号,2021-04-02,2021-04-10,2021-04-15,2021-04-06,${o}`,
      `天水执立〔2021〕2号,水政监察大队,巡查,在河道管理范围内倾倒渣土,法人,广州市乙公司,2021-03-01,警告,,2021-04-01,穗天水罚〔2021〕2号,,,,,${o}`,
      `天水执立〔2021〕3号,水政监察大队,举报,排放污水,自然人,陈某,2021-05-01,罚款,,2021-06-01,穗天水罚〔2021〕3号,,,,,${o}`,
      `天水执立〔2021〕4号,水政监察大队,举报,排放污水,自然人,陈某,2021-05-01,警告,,2021-06-01,穗天水罚〔2021〕4号,,,,,${officerNames[0]}`,
      `天水执立〔2021〕5号,不存在的单位,举报,排放污水,法人,广州市丙公司,2021-05-01,,,,,,,,,${o}`,
    ].join('\n');
    const before = (await env.admin.req('GET', '/api/enforcement/cases')).body.data.length;
    const r = await upload('penalty-cases', csv);
    expect(r.status).toBe(200);
    expect(r.body.data.ok).toBe(false);
    const errs = r.body.data.errors.map((e: any) => `${e.row}/${e.column}`);
    // Row 5 has a single officer: a rule breach of a past case (行政处罚法第四十二条), reported as a finding, not a row error.
    expect(errs).toEqual(['3/案件来源', '4/罚款金额']);
    expect((await env.admin.req('GET', '/api/enforcement/cases')).body.data.length).toBe(before);
    // Database-level problems (an unknown org) are reported once the file parses.
    const fixed = csv
      .split('\n')
      .filter((_, i) => i < 2 || i > 4)
      .join('\n');
    const r2 = await upload('penalty-cases', fixed);
    expect(r2.body.data.errors).toEqual([{ row: 3, column: '办案单位', message: '单位“不存在的单位”不存在', value: '不存在的单位' }]);
    expect((await env.admin.req('GET', '/api/enforcement/cases')).body.data.length).toBe(before);
  });

  it('imports past years keeping their dates and stage; re-importing changes nothing', async () => {
    const o = officerNames.slice(0, 2).join('、');
    const csv = [
      HEADER,
      `天水执立〔2021〕1号,水政监察大队,巡查发现,在河道管理范围内倾倒渣土,法人,广州市甲公司,2021-03-01,罚款,"20,000",2021-04-01,穗天水罚〔2021〕1号,2021-04-02,2021-04-10,2021-04-15,2021-04-06,${o}`,
      `天水执立〔2021〕2号,水政监察大队,举报,排放污水,法人,广州市乙公司,2021-11-01,,,,,,,,,${o}`,
    ].join('\n');
    const r = await upload('penalty-cases', csv);
    expect(r.body.data, JSON.stringify(r.body)).toMatchObject({ ok: true, created: 2 });
    const cases = (await env.admin.req('GET', '/api/enforcement/cases?year=2021')).body.data;
    expect(cases.find((c: any) => c.caseNo === '天水执立〔2021〕1号')).toMatchObject({
      stage: 'closed',
      filedOn: '2021-03-01',
      closedOn: '2021-04-15',
      fineYuan: 20000,
    });
    expect(cases.find((c: any) => c.caseNo === '天水执立〔2021〕2号')).toMatchObject({ stage: 'investigation' });
    const m = (await env.admin.req('GET', '/api/metrics/enforcement.bureau.penalty_yuan/drill?year=2021')).body.data;
    expect(m.value).toBe(20000);
    expect((await upload('penalty-cases', csv)).body.data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
  });

  it('exports with the LEDGERS.md headers', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/ledgers/penalty-cases/export?format=csv', headers: { cookie: env.admin.cookie } });
    expect(r.statusCode).toBe(200);
    const head = r.body.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(head).toBe(
      '案件编号,办案单位,案件来源,违法事项编码,案由,当事人类型,当事人名称,证件号码,立案日期,是否重大案件,法制审核日期,集体讨论日期,处罚种类,罚款金额,没收金额,决定日期,决定文书号,送达日期,执行完毕日期,结案日期,公示日期,承办人,当事人地址,违法行为发生日期,违法行为终了日期,涉及生命健康或金融安全',
    );
  });
});

describe('officers and enforcement-items ledgers', () => {
  it('imports officers, rejecting a duplicate certificate number by row', async () => {
    const bad =
      '姓名,所属单位,执法证号,发证日期,有效期至,证件考试成绩\n新人甲,水政监察大队,X0001,2023-01-01,2028-01-01,88\n新人乙,水政监察大队,X0001,2023-01-01,2028-01-01,90\n';
    const r = await upload('officers', bad);
    expect(r.body.data.errors).toEqual([expect.objectContaining({ row: 3, column: '执法证号' })]);
    const ok = await upload('officers', bad.replace('乙,水政监察大队,X0001', '乙,水政监察大队,X0002'));
    expect(ok.body.data).toMatchObject({ ok: true, created: 2 });
  });

  it('imports items with a structured discretion benchmark; prose is kept verbatim and read where it can be', async () => {
    const head = '事项编码,事项名称,法律依据,处罚依据,裁量基准,是否下放街道\n';
    const prose = await upload(
      'enforcement-items',
      `${head}T-2,外局事项,某法第1条,某法第2条,"情节较轻的，处违法所得一倍以上三倍以下罚款；情节严重的，处5万元以上罚款；责令限期改正",否\nT-3,只有原文,某法第1条,某法第3条,依法从重处罚,否\n`,
    );
    expect(prose.body.data).toMatchObject({ ok: true, created: 2 });
    const items = (await env.admin.req('GET', '/api/enforcement/items')).body.data;
    const t2 = items.find((i: any) => i.code === 'T-2');
    expect(t2.discretionText).toBe('情节较轻的，处违法所得一倍以上三倍以下罚款；情节严重的，处5万元以上罚款；责令限期改正');
    expect(t2.discretion).toEqual([
      expect.objectContaining({ level: 'light', label: '情节较轻的', basis: 'illegal_gains', minMultiple: 1, maxMultiple: 3, maxYuan: null }),
      expect.objectContaining({ level: 'grave', label: '情节严重的', minYuan: 50000, maxYuan: null }),
    ]);
    expect(t2.discretionUnparsed).toEqual(['“责令限期改正”：未含罚款（仅有其他处罚或措施）']);
    const gains = await env.admin.req('POST', '/api/enforcement/discretion', { itemId: t2.id, level: 'light', fineYuan: 4000, baseFen: 100_000 });
    expect(gains.body.data).toMatchObject({ bounds: { minYuan: 1000, maxYuan: 3000 }, problems: [expect.stringContaining('1000至3000元之内')] });
    const noBase = await env.admin.req('POST', '/api/enforcement/discretion', { itemId: t2.id, level: 'light', fineYuan: 4000 });
    expect(noBase.body.data).toMatchObject({ bounds: null, problems: [] });
    expect(noBase.body.data.notices[0]).toContain('请填写违法所得金额');
    const t3 = items.find((i: any) => i.code === 'T-3');
    const textOnly = await env.admin.req('POST', '/api/enforcement/discretion', { itemId: t3.id, level: null, fineYuan: 4000 });
    expect(textOnly.body.data).toMatchObject({ range: null, problems: [], notices: ['该事项的裁量基准未能解析出金额区间，请对照原文：依法从重处罚'] });
    const form = await env.admin.req('PATCH', `/api/enforcement/items/${t3.id}`, {
      code: 'T-3',
      name: '只有原文',
      legalBasis: '某法第1条',
      discretionText: '一般情节处一万元以上三万元以下罚款',
      version: t3.version,
    });
    expect(form.status).toBe(200);
    expect(form.body.data).toMatchObject({
      discretionText: '一般情节处一万元以上三万元以下罚款',
      discretion: [expect.objectContaining({ level: 'ordinary', label: '一般情节', minYuan: 10000, maxYuan: 30000 })],
      discretionUnparsed: [],
    });
    const ok = await upload('enforcement-items', `${head}T-1,测试事项,某法第1条,某法第2条,轻微:0-1000（首违不罚）；一般:1000-5000,是\n`);
    expect(ok.body.data).toMatchObject({ ok: true, created: 1 });
    const item = (await env.admin.req('GET', '/api/enforcement/items')).body.data.find((i: any) => i.code === 'T-1');
    expect(item.discretion).toEqual([
      expect.objectContaining({ label: '轻微', minYuan: 0, maxYuan: 1000, waiver: true }),
      expect.objectContaining({ label: '一般', minYuan: 1000, maxYuan: 5000 }),
    ]);
    const calc = await env.admin.req('POST', '/api/enforcement/discretion', { itemId: item.id, level: 'ordinary', fineYuan: 6000 });
    expect(calc.body.data.problems[0]).toContain('不在“一般”情节的裁量基准1000至5000元之内');
    const m = (await env.admin.req('GET', '/api/metrics/enforcement.delegated_items/drill?year=2023')).body.data;
    expect(m.value).toBe(49); // T-1 is delegated, T-2 and T-3 are not
  });
});
