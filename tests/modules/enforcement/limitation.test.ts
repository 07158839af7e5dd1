/**
 * Issue 13 items 2, 4, 6 for penalty cases: 追责时效 on 立案 (form, clue, import), the decision's contents
 * (the party's address, both provisions, 2026年11月30日, the bureau's payment place), and late extensions
 * counted overdue in enforcement.overdue_cases and on the case page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { login } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { recordFindings } from '../../../src/core/ledger/ledger.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { addYears } from '../../../src/modules/enforcement/limitation.js';
import { serverSuite } from '../../helpers/server.js';
import { squadOf } from '../../helpers/enforcementSquad.js';

let squadId: string;
let officerIds: string[];
let officerNames: string[];

const today = isoDateInShanghai(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const env = serverSuite({ admin: 'admin', enforcer: 'enforcer', leader: 'leader', wushan: 'wushan' });
beforeAll(async () => {
  const squad = await squadOf(env.enforcer);
  squadId = squad.squadId;
  officerIds = squad.officers.slice(0, 2).map((o) => o.id);
  officerNames = squad.officers.slice(0, 2).map((o) => o.name);
});

const fileCase = (body: Record<string, unknown>) =>
  env.enforcer.req('POST', '/api/enforcement/cases', {
    orgId: squadId,
    cause: '在河道管理范围内倾倒渣土',
    partyType: '法人',
    partyName: '广州市时效测试有限公司',
    filedOn: today,
    officerIds,
    ...body,
  });

describe('追责时效 (行政处罚法第三十六条) on 立案', () => {
  // Filed today: the last day allowed is the violation 2 years ago to the day.
  const lastAllowed = addYears(today, -2);
  const firstRefused = dayAfter(lastAllowed, -1);

  it('files a case whose violation is exactly 2 years old (the last day) and shows its limitation date', async () => {
    const r = await fileCase({ violationOn: lastAllowed, partyAddress: '广州市天河区天河路1号' });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({
      violationOn: lastAllowed,
      partyAddress: '广州市天河区天河路1号',
      limitation: { lastDay: today, years: 2, expired: false, discoveredOn: today, discoveredAs: '立案日期' },
    });
  });

  it('refuses a case one day past the period, citing art. 36, and creates nothing', async () => {
    const before = (await env.enforcer.req('GET', '/api/enforcement/cases')).body.data.length;
    const r = await fileCase({ violationOn: firstRefused });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'violationOn' });
    expect(r.body.message).toContain('第三十六条');
    expect(r.body.message).toContain('不予立案');
    expect((await env.enforcer.req('GET', '/api/enforcement/cases')).body.data.length).toBe(before);
  });

  it('gives 5 years to a violation endangering life/health or financial safety with harmful consequences', async () => {
    const r = await fileCase({ violationOn: firstRefused, limitationSerious: true });
    expect(r.status).toBe(201);
    expect(r.body.data.limitation).toMatchObject({ years: 5, expired: false });
  });

  it('runs a continuing violation from its end', async () => {
    const r = await fileCase({ violationOn: addYears(today, -4), violationEndedOn: daysAgo(30) });
    expect(r.status).toBe(201);
    expect(r.body.data.limitation).toMatchObject({ from: daysAgo(30), expired: false });
  });

  it('refuses a violation dated after its discovery, or ending before it began', async () => {
    expect((await fileCase({ violationOn: dayAfter(today, 1) })).body).toMatchObject({ code: 'VALIDATION', field: 'violationOn' });
    expect((await fileCase({ violationOn: daysAgo(10), violationEndedOn: daysAgo(20) })).body).toMatchObject({
      code: 'VALIDATION',
      field: 'violationEndedOn',
    });
  });

  it('files past the period only with a recorded legal ground (法律另有规定), which the audit event carries', async () => {
    const ground = '《中华人民共和国某法》第某条（法律另有规定）';
    const r = await fileCase({ violationOn: firstRefused, limitationOverride: ground });
    expect(r.status).toBe(201);
    expect(r.body.data.limitation).toMatchObject({ expired: true, override: ground });
    const tenantId = (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
    const events = await history(env.sys.db, tenantId, 'enforcement.case', r.body.data.id);
    const filed = events.find((e) => e.action === 'filed')!;
    expect(JSON.stringify(filed.changes)).toContain(ground);
    expect(JSON.stringify(filed.changes.note)).toContain('超过追责时效立案');
  });

  it("a clue's received date is the discovery: a clue received in time is filed later, one received late is refused", async () => {
    const clue = async (receivedOn: string, violationOn: string) =>
      (
        await env.enforcer.req('POST', '/api/enforcement/clues', {
          orgId: squadId,
          source: '举报',
          receivedOn,
          summary: '群众举报倾倒渣土',
          partyName: '广州市线索测试有限公司',
          partyAddress: '广州市天河区线索路2号',
          violationOn,
        })
      ).body.data;
    // Received on the last day of the period, filed 30 days later: in time.
    const ok = await clue(daysAgo(30), addYears(daysAgo(30), -2));
    expect(ok.limitation).toMatchObject({ lastDay: daysAgo(30), discoveredAs: '线索受理日期', expired: false });
    const filed = await fileCase({ clueId: ok.id, partyName: ok.partyName });
    expect(filed.status).toBe(201);
    expect(filed.body.data).toMatchObject({ violationOn: ok.violationOn, partyAddress: '广州市天河区线索路2号', limitation: { discoveredAs: '线索受理日期' } });
    // Received the day after the period ended: the clue is kept (to be closed), its filing refused.
    const late = await clue(daysAgo(30), dayAfter(addYears(daysAgo(30), -2), -1));
    expect(late.limitation).toMatchObject({ expired: true });
    const refused = await fileCase({ clueId: late.id, partyName: late.partyName });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('线索受理日期');
  });

  it('an import records the dates and the address, reports a case filed past limitation as a finding, and exports them', async () => {
    const header = '案件编号,办案单位,案件来源,案由,当事人类型,当事人名称,立案日期,承办人,当事人地址,违法行为发生日期,违法行为终了日期,涉及生命健康或金融安全';
    const o = officerNames.join('、');
    const csv = [
      header,
      `SX-1,水政监察大队,巡查发现,倾倒渣土,法人,广州市甲公司,2021-03-01,${o},广州市天河区甲路1号,2019-02-28,,否`,
      `SX-2,水政监察大队,巡查发现,倾倒渣土,法人,广州市乙公司,2021-03-01,${o},,2019-03-01,,否`,
      `SX-3,水政监察大队,巡查发现,倾倒渣土,法人,广州市丙公司,2021-03-01,${o},,2016-02-28,,是`,
      `SX-4,水政监察大队,巡查发现,倾倒渣土,法人,广州市丁公司,2021-03-01,${o},,2016-03-01,,是`,
    ].join('\n');
    const boundary = '----lim';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const r = await env.admin.req('POST', '/api/ledgers/penalty-cases/import?dryRun=false', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(r.body.data).toMatchObject({ ok: true, created: 4 });
    const cases = (await env.admin.req('GET', '/api/enforcement/cases?q=SX-')).body.data;
    const byNo = (no: string) => cases.find((c: { caseNo: string }) => c.caseNo === no);
    const tenantId = (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
    const rules = async (no: string) => (await recordFindings(env.sys.db, tenantId, 'enforcement.case', byNo(no).id)).map((f: { rule: string }) => f.rule);
    expect(await rules('SX-1')).toContain('enforcement.limitation');
    expect(await rules('SX-2')).not.toContain('enforcement.limitation');
    expect(await rules('SX-3')).toContain('enforcement.limitation');
    expect(await rules('SX-4')).not.toContain('enforcement.limitation');
    const page = (await env.admin.req('GET', `/api/enforcement/cases/${byNo('SX-1').id}`)).body.data;
    expect(page).toMatchObject({ partyAddress: '广州市天河区甲路1号', violationOn: '2019-02-28', limitation: { lastDay: '2021-02-28', expired: true } });
    const exp = await env.app.inject({ method: 'GET', url: '/api/ledgers/penalty-cases/export?format=csv', headers: { cookie: env.admin.cookie } });
    const line = exp.body.split('\r\n').find((l: string) => l.startsWith('SX-1,'));
    expect(line).toContain('广州市天河区甲路1号');
    expect(line).toContain('2019-02-28');
  });
});

describe('the decision document (行政处罚法第五十九条) and the payment place', () => {
  it('is read, like the module’s metadata, by every role with an enforcement page (the clerk’s 案件线索, the catalogue’s readers)', async () => {
    for (const username of ['clerk', 'licensing', 'flood']) {
      const who = await login(env.app, username);
      expect((await who.req('GET', '/api/enforcement/meta')).status, username).toBe(200);
      expect((await who.req('GET', '/api/enforcement/payment-place')).status, username).toBe(200);
      expect((await who.req('PUT', '/api/enforcement/payment-place', { bank: 'x', accountName: 'x', accountNo: 'x', version: 1 })).status, username).toBe(403);
    }
  });
  it('is configured per bureau (the demo bureau has one), versioned (409 stale, 400 without version), managed by admin only', async () => {
    expect((await env.enforcer.req('GET', '/api/enforcement/payment-place')).body.data).toMatchObject({ bank: '中国工商银行广州天河支行（演示）', version: 1 });
    const place = { bank: '中国工商银行广州天河支行', accountName: '广州市天河区财政局', accountNo: '3602000000000000000' };
    expect((await env.wushan.req('PUT', '/api/enforcement/payment-place', { ...place, version: 1 })).status).toBe(403);
    expect((await env.admin.req('PUT', '/api/enforcement/payment-place', { ...place, accountNo: '', version: 1 })).body).toMatchObject({
      code: 'VALIDATION',
      field: 'accountNo',
    });
    expect((await env.admin.req('PUT', '/api/enforcement/payment-place', place)).body).toMatchObject({ code: 'VALIDATION', field: 'version' });
    expect((await env.admin.req('PUT', '/api/enforcement/payment-place', { ...place, version: 0 })).status).toBe(409);
    const first = await env.admin.req('PUT', '/api/enforcement/payment-place', { ...place, version: 1 });
    expect(first.body.data).toMatchObject({ ...place, version: 2 });
    const second = await env.admin.req('PUT', '/api/enforcement/payment-place', { ...place, accountNo: '3602000000000000001', version: 2 });
    expect(second.body.data).toMatchObject({ accountNo: '3602000000000000001', version: 3 });
    expect((await env.enforcer.req('GET', '/api/enforcement/payment-place')).body.data).toMatchObject({ accountNo: '3602000000000000001' });
  });

  it('prints both provisions, Chinese dates, the payment place, and 经查 once', async () => {
    const list = (await env.enforcer.req('GET', '/api/enforcement/cases?side=bureau')).body.data;
    const decided = list.find((c: { decidedOn: string | null; fineYuan: number }) => c.decidedOn && c.fineYuan > 0);
    const r = await env.app.inject({ method: 'GET', url: `/api/enforcement/cases/${decided.id}/decision.docx`, headers: { cookie: env.enforcer.cookie } });
    expect(r.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const [y, m, d] = decided.decidedOn.split('-').map(Number);
    expect(xml).toContain(`${y}年${m}月${d}日`);
    expect(xml).toContain('当事人的上述行为违反了《');
    expect(xml).toMatch(/依据《[^》]+》第[^，]+的规定，本机关决定给予当事人如下行政处罚/);
    expect(xml).toContain('到中国工商银行广州天河支行（户名：广州市天河区财政局；账号：3602000000000000001）缴纳罚没款');
    expect(xml).toContain('住所（地址）：');
    expect(xml).not.toContain('经查，经查');
  });
});

describe('late extensions (行政处罚法第六十条): counted overdue', () => {
  it('an extension approved after the 90-day term ran out does not make the case on time; one approved in time does', async () => {
    const filedOn = daysAgo(100);
    const timely = (await fileCase({ filedOn, partyName: '广州市及时延长有限公司' })).body.data;
    const late = (await fileCase({ filedOn, partyName: '广州市逾期延长有限公司' })).body.data;
    const originalDue = timely.deadlines.find((d: { key: string }) => d.key === 'decision').due;
    const extend = async (c: { id: string }, on: string) => {
      const cur = (await env.leader.req('GET', `/api/enforcement/cases/${c.id}`)).body.data;
      return env.leader.req('POST', `/api/enforcement/cases/${c.id}/events/approve_extension`, { version: cur.version, on, days: 30, reason: '案情复杂' });
    };
    expect((await extend(timely, daysAgo(20))).status).toBe(200);
    const lateOn = dayAfter(originalDue, 1);
    expect((await extend(late, lateOn)).status).toBe(200);

    const t = (await env.enforcer.req('GET', `/api/enforcement/cases/${timely.id}`)).body.data;
    expect(t.deadline.status).not.toBe('overdue');
    const l = (await env.enforcer.req('GET', `/api/enforcement/cases/${late.id}`)).body.data;
    const d = l.deadlines.find((x: { key: string }) => x.key === 'decision');
    expect(d).toMatchObject({ due: originalDue, status: 'overdue' });
    expect(d.text).toContain(`延长办案期限的批准日${lateOn}晚于原期限届满日${originalDue}`);
    const row = (await env.enforcer.req('GET', '/api/enforcement/cases?q=逾期延长')).body.data[0];
    expect(row.deadline).toMatchObject({ status: 'overdue', due: originalDue });
    // The kernel's tracked term (GET /api/deadlines) is the original one too.
    const tracked = await env.sys.db
      .selectFrom('tracked_deadline')
      .select(['entity_id', 'due_date'])
      .where('entity_id', 'in', [timely.id, late.id])
      .where('title', '=', '作出处罚决定期限')
      .execute();
    expect(Object.fromEntries(tracked.map((x) => [x.entity_id, x.due_date]))).toEqual({ [late.id]: originalDue, [timely.id]: t.deadlines[0].due });

    const year = today.slice(0, 4);
    const drill = (await env.admin.req('GET', `/api/metrics/enforcement.overdue_cases/drill?year=${year}`)).body.data;
    const nos = drill.rows.map((r: { case_no: string }) => r.case_no);
    expect(nos).toContain(late.caseNo);
    expect(nos).not.toContain(timely.caseNo);
    expect(drill.rows.find((r: { case_no: string }) => r.case_no === late.caseNo)).toMatchObject({
      due: originalDue,
      note: expect.stringContaining('不计延长'),
    });
    const all = (await env.admin.req('GET', `/api/metrics?year=${year}`)).body.data;
    expect(all.find((x: { key: string }) => x.key === 'enforcement.overdue_cases').value).toBe(drill.total);
  });
});
