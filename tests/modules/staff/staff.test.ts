import { describe, expect, it } from 'vitest';
import { login } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { expectRefused, serverSuite } from '../../helpers/server.js';
import { sql } from 'kysely';

const env = serverSuite({ legal: 'legal' });

const drill = async (key: string, year = 2022) => (await env.legal.req('GET', `/api/metrics/${key}/drill?year=${year}`)).body.data;

describe('the 2022 staff figures', () => {
  it('4 Party-group study sessions, drillable', async () => {
    const d = await drill('study.party_group_sessions');
    expect(d.value).toBe(4);
    expect(d.total).toBe(4);
    expect(d.rows.every((r: any) => r.form === '理论学习中心组')).toBe(true);
  });
  it('law exam: 100 % passed, every score at least 90', async () => {
    const rate = await drill('staff.law_exam_pass_rate');
    expect(rate.value).toBe(100);
    expect(rate.rows.every((r: any) => r.passed === '是')).toBe(true);
    const min = await drill('staff.law_exam_min_score');
    expect(min.value).toBeGreaterThanOrEqual(90);
    expect(min.rows[0].score).toBe(min.value);
  });
  it('street training with more than 200 attendees (逾200人)', async () => {
    const d = await drill('streets.training_attendees');
    expect(d.value).toBeGreaterThan(200);
    expect(d.rows.reduce((a: number, r: any) => a + r.attendees, 0)).toBe(d.value);
    expect(d.rows[0]).toMatchObject({ mode: '线上线下' });
  });
  it('does not define the enforcement module’s certificate metrics itself', () => {
    const mine = env.sys.registry.modules.find((m) => m.key === 'staff')!.metrics!.map((m) => m.key);
    expect(mine).not.toContain('staff.cert_holding_rate');
    expect(mine).not.toContain('staff.cert_exam_pass_rate');
  });
});

describe('recording', () => {
  it('a failed exam lowers the pass rate of its year', async () => {
    const r = await env.legal.req('POST', '/api/staff/exam-results', { exam: '2023年学法考试', date: '2023-06-01', person: '测试人', score: 55, passMark: 60 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data.passed).toBe(false);
    await env.legal.req('POST', '/api/staff/exam-results', { exam: '2023年学法考试', date: '2023-06-01', person: '测试人二', score: 95, passMark: 60 });
    expect((await drill('staff.law_exam_pass_rate', 2023)).value).toBe(50);
    expect((await drill('staff.law_exam_min_score', 2023)).value).toBe(55);
    const ev = await history(env.sys.db, env.tenantId, 'staff.exam_result', r.body.data.id);
    expect(ev.map((e) => `${e.entity}.${e.action}`)).toEqual(['staff.exam_result.created']);
  });
  it('refuses a street training whose on-site and online counts do not add up, naming the field', async () => {
    const before = (await drill('streets.training_attendees', 2023)).value;
    const r = await env.legal.req('POST', '/api/staff/trainings', {
      date: '2023-06-02',
      topic: '测试培训',
      audience: '街道',
      mode: '线上线下',
      onsite: 10,
      online: 20,
      attendees: 50,
    });
    expectRefused(r, 'attendees');
    expect((await drill('streets.training_attendees', 2023)).value).toBe(before);
    const ok = await env.legal.req('POST', '/api/staff/trainings', {
      date: '2023-06-02',
      topic: '测试培训',
      audience: '街道',
      mode: '线上线下',
      onsite: 10,
      online: 40,
      attendees: 50,
    });
    expect(ok.status).toBe(201);
    expect((await drill('streets.training_attendees', 2023)).value).toBe(before + 50);
  });
  it('lists the 谁执法谁普法 responsibility list and its activities', async () => {
    const duties = (await env.legal.req('GET', '/api/staff/pufa-duties?year=2022')).body.data;
    expect(duties.length).toBeGreaterThanOrEqual(5);
    const acts = (await env.legal.req('GET', '/api/staff/pufa-activities?year=2022')).body.data;
    expect(acts.some((a: any) => duties.some((d: any) => d.id === a.dutyId))).toBe(true);
  });
  it('keeps street users out', async () => {
    const wushan = await login(env.app, 'wushan');
    expect((await wushan.req('GET', '/api/staff/trainings')).status).toBe(403);
  });
});

describe('the study-sessions ledger', () => {
  it('imports a session and reports a bad form by row and column', async () => {
    const up = (csv: string) => {
      const b = '----st';
      return env.legal.req(
        'POST',
        '/api/ledgers/study-sessions/import',
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${b}--\r\n`,
        { 'content-type': `multipart/form-data; boundary=${b}` },
      );
    };
    const bad = await up('日期,形式,主题,参加人数\n2023-06-09,中心组,学习,9\n');
    expect(bad.body.data.errors[0]).toMatchObject({ row: 2, column: '形式' });
    const ok = await up('日期,形式,主题,参加人数\n2023-06-09,理论学习中心组,学习宪法,9\n');
    expect(ok.body.data).toMatchObject({ ok: true, created: 1 });
    expect((await drill('study.party_group_sessions', 2023)).value).toBe(2);
  });
});

describe('each record type answers as it declares', () => {
  it.each(['study-sessions', 'exam-results', 'trainings', 'pufa-duties', 'pufa-activities'])('%s: the list of 2022 and one record', async (path) => {
    const list = await env.legal.req('GET', `/api/staff/${path}?year=2022`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    const one = await env.legal.req('GET', `/api/staff/${path}/${list.body.data[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(list.body.data[0]);
  });
});

describe('the bodies are closed', () => {
  const records = async () =>
    (
      await sql<{ n: string }>`SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM staff_study_session) + (SELECT count(*) FROM staff_exam_result)
        + (SELECT count(*) FROM staff_training) + (SELECT count(*) FROM staff_pufa_duty) + (SELECT count(*) FROM staff_pufa_activity) AS n`.execute(env.sys.db)
    ).rows[0]!.n;
  it.each([
    ['study-sessions', { date: '2023-07-01', form: '专题培训', topic: '学习民法典', attendees: 20, host: null, hours: 2 }, 'hours'],
    ['exam-results', { exam: '2023年学法考试', date: '2023-07-01', person: '测试人三', score: 90, passMark: 60, passed: true }, 'passed'],
    ['trainings', { date: '2023-07-01', topic: '测试培训', audience: '街道', mode: '线下', onsite: 30, attendees: 30, street: '五山街道' }, 'street'],
    ['pufa-duties', { year: 2023, law: '水法', content: '宣传水法', audience: '取水单位', dept: '法规科' }, 'dept'],
    ['pufa-activities', { date: '2023-07-01', title: '水法宣传进社区', laws: '水法', audienceCount: 100, duty: '水法' }, 'duty'],
  ])('%s refuses a property it does not list, naming it, and writes nothing', async (path, body, field) => {
    const before = await records();
    const r = await env.legal.req('POST', `/api/staff/${path}`, body);
    expect([r.status, r.body.code, r.body.field]).toEqual([400, 'VALIDATION', field]);
    expect(r.body.message).toContain(field);
    expect(await records()).toBe(before);
    const { [field]: _, ...listed } = body as Record<string, unknown>;
    expect((await env.legal.req('POST', `/api/staff/${path}`, listed)).status).toBe(201);
  });
  it('takes a cleared optional number as null, and refuses a number sent as text naming the field', async () => {
    const cleared = await env.legal.req('POST', '/api/staff/study-sessions', { date: '2023-07-02', form: '其他', topic: '清空人数', attendees: null });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(201);
    expect(cleared.body.data.attendees).toBeNull();
    const text = await env.legal.req('POST', '/api/staff/pufa-duties', { year: '2023', law: '水法', content: '宣传' });
    expect([text.status, text.body.field]).toEqual([400, 'year']);
  });
});
