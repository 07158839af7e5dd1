import { describe, expect, it } from 'vitest';
import { login } from '../../helpers/http.js';
import { idCardCheckChar, usccCheckChar } from '../../../src/core/ledger/validators.js';
import { DELIVERIES, MEDIA, ORG_TYPES } from '../../../src/modules/disclosure/online.js';
import {
  APPLICANT_KINDS,
  applicantProblems,
  checkOnlineFiles,
  hashSecret,
  ID_TYPES,
  newReceiptNo,
  ONLINE_LIMITS,
  ONLINE_RATE,
  secretMatches,
  waitText,
} from '../../../src/modules/demands/index.js';
import { serverSuite } from '../../helpers/server.js';

/**
 * 网络申请 and 网上信访 (issue 15 part 2): a citizen submits without a session, gets a receipt
 * number and a secret, follows the status; the clerk finds the record in the queue with channel
 * 网络 / 网上信访. Abuse limits: every bad field named, oversize and too many attachments refused,
 * nothing created on any error, a wrong pair one generic 404, rate limits per IP.
 */

const idNo = (first17: string) => first17 + idCardCheckChar(first17);
const GOOD_ID = idNo('44010619900101123');
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === '0' ? '1' : '0');
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const GOOD_USCC = uscc('91440106MA5ABCDE1');
const PDF = Buffer.from('%PDF-1.4\n% test\n').toString('base64');

const person = {
  kind: '自然人',
  name: '张三',
  idType: '居民身份证',
  idNo: GOOD_ID,
  phone: '13812345678',
  address: '广州市天河区天河路1号',
  email: 'zs@example.com',
};
const disclosureForm = (over: Record<string, unknown> = {}) => ({
  applicant: person,
  description: '2022年天河区河道排污口设置审批的批复文件',
  purpose: '了解周边河道情况',
  medium: '电子邮件',
  delivery: '电子邮件',
  ...over,
});
const petitionForm = (over: Record<string, unknown> = {}) => ({
  applicant: person,
  title: '小区旁河涌黑臭',
  request: '请尽快整治小区旁河涌的黑臭问题',
  facts: '今年夏天以来河涌持续发黑发臭，多次反映未见处理。',
  ...over,
});

/** A public call: no cookie, a chosen client address. */
async function pub(method: 'GET' | 'POST', url: string, body?: unknown, ip = '203.0.113.10') {
  const r = await env.app.inject({ method, url, payload: body as object, remoteAddress: ip });
  return { status: r.statusCode, body: r.json() as any };
}
const count = async (kind: string) =>
  Number(
    (
      await (env.sys.db as any)
        .selectFrom('dm_item')
        .select((e: any) => e.fn.countAll().as('n'))
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow()
    ).n,
  );

const env = serverSuite({ clerk: 'clerk' });

describe('receipts and secrets (pure)', () => {
  it('receipt numbers carry the prefix and 16 characters of the readable alphabet, never repeating', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => newReceiptNo('GK')));
    expect(seen.size).toBe(2000);
    for (const r of seen) expect(r).toMatch(/^GK[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
  });
  it('a secret matches its hash as typed (case, spaces, hyphens), and nothing else', () => {
    const h = hashSecret('ABCD2345EFGH');
    expect(secretMatches('abcd-2345 efgh', h)).toBe(true);
    expect(secretMatches('ABCD2345EFGJ', h)).toBe(false);
    expect(secretMatches('ABCD2345EFGH', 'not-a-hash')).toBe(false);
  });
  it.each([
    [{ ...person }, []],
    [{ ...person, idNo: BAD_ID }, ['applicant.idNo']],
    [{ ...person, idNo: GOOD_ID.toLowerCase() }, []],
    [{ ...person, idType: '护照', idNo: 'E12345678' }, []],
    [{ ...person, phone: '12345', postcode: '51000', email: 'x@' }, ['applicant.phone', 'applicant.postcode', 'applicant.email']],
    [{ kind: '法人或其他组织', name: '某公司', uscc: GOOD_USCC, legalRep: '李四', contact: '王五', phone: '020-12345678' }, []],
    [
      { kind: '法人或其他组织', name: '某公司', uscc: `${GOOD_USCC.slice(0, 17)}${GOOD_USCC[17] === '0' ? '1' : '0'}`, phone: '020-12345678' },
      ['applicant.uscc', 'applicant.legalRep', 'applicant.contact'],
    ],
    [{ kind: '个人', name: '', phone: '' }, ['applicant.kind', 'applicant.name', 'applicant.phone']],
  ])('applicant %# → %j', (a, fields) => {
    expect(applicantProblems(a as never, { address: false }).map((e) => e.field)).toEqual(fields);
  });
  it('attachments: the last size allowed passes, one byte more is a 413 naming the file; more than the count is refused', () => {
    const atLimit = Buffer.alloc(ONLINE_LIMITS.maxBytes, 0x20);
    atLimit.write('%PDF-');
    expect(checkOnlineFiles([{ filename: 'a.pdf', mime: 'application/pdf', data: atLimit.toString('base64') }])).toHaveLength(1);
    const over = Buffer.concat([atLimit, Buffer.from(' ')]);
    expect(() => checkOnlineFiles([{ filename: 'a.pdf', mime: 'application/pdf', data: over.toString('base64') }])).toThrow(
      expect.objectContaining({ status: 413, field: 'attachments.0' }),
    );
    const f = { filename: 'a.pdf', mime: 'application/pdf', data: PDF };
    expect(checkOnlineFiles(Array(ONLINE_LIMITS.maxFiles).fill(f))).toHaveLength(ONLINE_LIMITS.maxFiles);
    expect(() => checkOnlineFiles(Array(ONLINE_LIMITS.maxFiles + 1).fill(f))).toThrow(expect.objectContaining({ status: 400, field: 'attachments' }));
    expect(() => checkOnlineFiles([{ filename: 'a.pdf', mime: 'application/pdf', data: Buffer.from('<html>').toString('base64') }])).toThrow(
      expect.objectContaining({ field: 'attachments.0' }),
    );
    expect(() => checkOnlineFiles([{ filename: 'a.exe', mime: 'application/x-msdownload', data: PDF }])).toThrow(
      expect.objectContaining({ field: 'attachments.0' }),
    );
  });
  it('the wait is said in Chinese', () => {
    expect([waitText(500), waitText(59_000), waitText(60_001), waitText(3_600_000)]).toEqual(['1秒', '59秒', '2分钟', '1小时']);
  });
});

describe('网络申请 (disclosure)', () => {
  let receipt: { receiptNo: string; secret: string; refNo: string; dueOn: string; receivedAt: string };
  const pair = () => ({ receiptNo: receipt.receiptNo, secret: receipt.secret });

  it('a valid request → 201 with a receipt number and a secret; the record enters the queue with channel 网络 and its 20-working-day clock', async () => {
    const r = await pub(
      'POST',
      '/api/public/disclosure/submit',
      disclosureForm({ attachments: [{ filename: '身份证明.pdf', mime: 'application/pdf', data: PDF }] }),
    );
    expect(r.status).toBe(201);
    receipt = r.body.data;
    expect(receipt.receiptNo).toMatch(/^GK[2-9A-Z]{16}$/);
    expect(receipt.secret).toMatch(/^[2-9A-Z]{12}$/);
    const list = await env.clerk.req('GET', `/api/disclosure/items?q=${encodeURIComponent(receipt.refNo)}`);
    const item = list.body.data.items.find((i: any) => i.refNo === receipt.refNo);
    expect(item).toMatchObject({ channel: '网络', demandType: '自然人', status: 'received', dueOn: receipt.dueOn });
    const rec = (await env.clerk.req('GET', `/api/disclosure/items/${item.id}`)).body.data;
    expect(rec.clock.rule.n).toBe(20);
    expect(rec.clock.rule.unit).toBe('workday');
    expect(rec.personIdNo).toBe(GOOD_ID);
    // PII protected as the module does: encrypted in the table, masked for those without the personal permission.
    const raw = await (env.sys.db as any).selectFrom('dm_item').select(['person_id_no', 'person_phone']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(raw.person_id_no).not.toContain(GOOD_ID);
    expect(raw.person_phone).not.toContain('13812345678');
    const viewer = await login(env.app, 'viewer');
    expect((await viewer.req('GET', `/api/disclosure/items/${item.id}`)).body.data.personIdNo).not.toBe(GOOD_ID);
    // The applicant's further details (address, e-mail), for staff with the personal permission.
    const online = (await env.clerk.req('GET', `/api/disclosure/items/${item.id}/online`)).body.data;
    expect(online).toMatchObject({ receiptNo: receipt.receiptNo, details: { address: person.address, email: person.email } });
    expect((await viewer.req('GET', `/api/disclosure/items/${item.id}/online`)).status).toBe(403);
    const att = await env.clerk.req('GET', `/api/attachments?entity=disclosure.request&entityId=${item.id}`);
    if (att.status === 200) expect(att.body.data.map((a: any) => a.filename)).toEqual(['身份证明.pdf']);
  });

  it('the status shows the received date and the due date by the clock; a wrong secret or number gets one generic 404', async () => {
    const ok = await pub('POST', '/api/public/disclosure/status', { receiptNo: receipt.receiptNo.toLowerCase(), secret: receipt.secret });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ refNo: receipt.refNo, dueOn: receipt.dueOn, receivedAt: receipt.receivedAt, reply: null, hasDocument: false });
    const wrongSecret = await pub('POST', '/api/public/disclosure/status', { receiptNo: receipt.receiptNo, secret: 'ABCDEFGHJKMN' });
    const wrongNo = await pub('POST', '/api/public/disclosure/status', { receiptNo: newReceiptNo('GK'), secret: receipt.secret });
    expect(wrongSecret.status).toBe(404);
    expect(wrongNo.status).toBe(404);
    expect(wrongSecret.body).toEqual(wrongNo.body);
  });

  it('an extension moves the due date the applicant sees; after the reply the applicant reads it and downloads the document', async () => {
    const item = (await env.clerk.req('GET', `/api/disclosure/items?q=${encodeURIComponent(receipt.refNo)}`)).body.data.items[0];
    const office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
    let v = item.version;
    const act = async (action: string, body: Record<string, unknown>) => {
      const r = await env.clerk.req('POST', `/api/disclosure/items/${item.id}/${action}`, { version: v, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      v = r.body.data.version;
      return r.body.data;
    };
    await act('assign', { orgId: office });
    const extended = await act('extend', { n: 20, unit: 'workday', approvedBy: '局长', reason: '需调取档案' });
    const s1 = (await pub('POST', '/api/public/disclosure/status', pair())).body.data;
    expect(s1.dueOn).toBe(extended.dueOn);
    expect(s1.dueOn > receipt.dueOn).toBe(true);
    expect(s1.extendedDays).toBe(20);
    await act('reply', { content: '经查，你申请的信息予以公开，见附件。', result: '予以公开' });
    const s2 = (await pub('POST', '/api/public/disclosure/status', pair())).body.data;
    expect(s2).toMatchObject({ reply: '经查，你申请的信息予以公开，见附件。', result: '予以公开', hasDocument: true });
    const doc = await env.app.inject({ method: 'POST', url: '/api/public/disclosure/status/document', payload: pair(), remoteAddress: '203.0.113.10' });
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a bad ID check digit → 400 naming the field, every bad field listed, nothing created', async () => {
    const before = await count('disclosure');
    const r = await pub('POST', '/api/public/disclosure/submit', disclosureForm({ applicant: { ...person, idNo: BAD_ID }, description: '', medium: '短信' }));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('applicant.idNo');
    expect(r.body.message).toContain('校验位');
    expect(r.body.details.fields.map((f: any) => f.field)).toEqual(['applicant.idNo', 'description', 'medium']);
    const wrongUscc = `${GOOD_USCC.slice(0, 17)}${GOOD_USCC[17] === '0' ? '1' : '0'}`;
    const org = await pub(
      'POST',
      '/api/public/disclosure/submit',
      disclosureForm({ applicant: { kind: '法人或其他组织', name: '某公司', uscc: wrongUscc, phone: '02012345678', email: 'a@b.cn' } }),
    );
    expect(org.status).toBe(400);
    expect(org.body.details.fields.map((f: any) => f.field)).toEqual(['applicant.uscc', 'applicant.legalRep', 'applicant.contact', 'orgType']);
    expect(await count('disclosure')).toBe(before);
  });

  it('an organisation with a valid 统一社会信用代码 files under its type', async () => {
    const r = await pub(
      'POST',
      '/api/public/disclosure/submit',
      disclosureForm({
        applicant: {
          kind: '法人或其他组织',
          name: '某科技有限公司',
          uscc: GOOD_USCC,
          legalRep: '李四',
          contact: '王五',
          phone: '020-12345678',
          email: 'office@example.com',
        },
        orgType: '商业企业',
      }),
      '203.0.113.11',
    );
    expect(r.status).toBe(201);
    const item = (await env.clerk.req('GET', `/api/disclosure/items?q=${encodeURIComponent(r.body.data.refNo)}`)).body.data.items[0];
    expect(item).toMatchObject({ demandType: '商业企业', channel: '网络', personName: '某科技有限公司' });
  });

  it('an oversize attachment → 413 naming it; too many → 400; an unknown field → 400; nothing created', async () => {
    const before = await count('disclosure');
    const big = Buffer.alloc(ONLINE_LIMITS.maxBytes + 1, 0x20);
    big.write('%PDF-');
    const r = await pub(
      'POST',
      '/api/public/disclosure/submit',
      disclosureForm({ attachments: [{ filename: 'big.pdf', mime: 'application/pdf', data: big.toString('base64') }] }),
      '203.0.113.12',
    );
    expect(r.status).toBe(413);
    expect(r.body.field).toBe('attachments.0');
    const f = { filename: 'a.pdf', mime: 'application/pdf', data: PDF };
    const many = await pub('POST', '/api/public/disclosure/submit', disclosureForm({ attachments: Array(ONLINE_LIMITS.maxFiles + 1).fill(f) }), '203.0.113.12');
    expect(many.status).toBe(400);
    expect(many.body.field).toBe('attachments');
    const extra = await pub('POST', '/api/public/disclosure/submit', disclosureForm({ orgId: 'x' }), '203.0.113.12');
    expect(extra.status).toBe(400);
    expect(await count('disclosure')).toBe(before);
  });

  it('hostile input on the public routes → 4xx naming the field, nothing created', async () => {
    const before = { d: await count('disclosure'), p: await count('petition') };
    const MB = 'x'.repeat(1024 * 1024);
    const odd = (over: Record<string, unknown>) => ({ attachments: [{ filename: 'a.pdf', mime: 'application/pdf', data: PDF, ...over }] });
    const cases: Array<[string, string, Record<string, unknown>, number, string]> = [
      ['NUL in the name', 'disclosure', disclosureForm({ applicant: { ...person, name: '张\u0000三' } }), 400, 'applicant.name'],
      ['NUL in the description', 'disclosure', disclosureForm({ description: '排污口\u0000批复文件' }), 400, 'description'],
      ['a 20-digit phone', 'disclosure', disclosureForm({ applicant: { ...person, phone: '12345678901234567890' } }), 400, 'applicant.phone'],
      ['a 20-digit ID number', 'disclosure', disclosureForm({ applicant: { ...person, idNo: '12345678901234567890' } }), 400, 'applicant.idNo'],
      ['a 1 MB description', 'disclosure', disclosureForm({ description: MB }), 400, 'description'],
      ['a 1 MB name', 'petitions', petitionForm({ applicant: { ...person, name: MB } }), 400, 'applicant.name'],
      ['a 1 MB facts', 'petitions', petitionForm({ facts: MB }), 400, 'facts'],
      ['an attachment of another type', 'petitions', petitionForm(odd({ mime: 'application/x-msdownload' })), 400, 'attachments.0'],
      ['an attachment not in base64', 'petitions', petitionForm(odd({ data: '%%%not base64%%%' })), 400, 'attachments.0'],
      [
        'an attachment whose content is not its type',
        'petitions',
        petitionForm(odd({ data: Buffer.from('MZ\x90\x00').toString('base64') })),
        400,
        'attachments.0',
      ],
      ['an empty attachment', 'petitions', petitionForm(odd({ data: '' })), 400, 'attachments.0'],
      ['an attachment without a name', 'petitions', petitionForm(odd({ filename: '  ' })), 400, 'attachments.0'],
    ];
    for (const [what, module, body, status, field] of cases) {
      const r = await pub('POST', `/api/public/${module}/submit`, body, `198.51.100.${cases.findIndex((c) => c[0] === what) + 1}`);
      expect({ what, status: r.status, field: r.body.field }).toEqual({ what, status, field });
      expect(r.body.message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    const pair = { receiptNo: `GK${'A'.repeat(16)}`, secret: 'ABCDEFGHJKMN' };
    for (const [what, body, field] of [
      ['NUL in the receipt number', { ...pair, receiptNo: 'GK\u0000AAAA' }, 'receiptNo'],
      ['a 1 MB secret', { ...pair, secret: MB }, 'secret'],
    ] as const) {
      const r = await pub('POST', '/api/public/disclosure/status', body, '198.51.100.99');
      expect({ what, status: r.status, field: r.body.field }).toEqual({ what, status: 400, field });
    }
    const tenant = await pub('GET', '/api/public/disclosure/form?tenant=not-a-uuid');
    expect(tenant.status).toBe(400);
    const unknown = await pub('POST', '/api/public/disclosure/submit?tenant=00000000-0000-4000-8000-000000000000', disclosureForm(), '198.51.100.98');
    expect(unknown.status).toBe(404);
    expect(await count('disclosure')).toBe(before.d);
    expect(await count('petition')).toBe(before.p);
  });

  it('the submit route is rate-limited per IP: the last request allowed passes, the next is a 429 in Chinese; another address is not held', async () => {
    const ip = '198.51.100.7';
    const bad = disclosureForm({ description: '' });
    for (let i = 0; i < ONLINE_RATE.submit.max; i++) expect((await pub('POST', '/api/public/disclosure/submit', bad, ip)).status).toBe(400);
    const held = await pub('POST', '/api/public/disclosure/submit', bad, ip);
    expect(held.status).toBe(429);
    expect(held.body.message).toMatch(/^操作过于频繁，请\d+(秒|分钟|小时)后再试$/);
    expect((await pub('POST', '/api/public/disclosure/submit', bad, '198.51.100.8')).status).toBe(400);
  });

  it('the status route is rate-limited per IP', async () => {
    const ip = '198.51.100.9';
    const pair = { receiptNo: newReceiptNo('GK'), secret: 'ABCDEFGHJKMN' };
    for (let i = 0; i < ONLINE_RATE.status.max; i++) expect((await pub('POST', '/api/public/disclosure/status', pair, ip)).status).toBe(404);
    expect((await pub('POST', '/api/public/disclosure/status', pair, ip)).status).toBe(429);
  });

  it('the form info names the bureau and the limits', async () => {
    const r = await pub('GET', '/api/public/disclosure/form');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ maxFiles: ONLINE_LIMITS.maxFiles, maxBytes: ONLINE_LIMITS.maxBytes });
    expect(r.body.data.bureau).toContain('水务局');
  });

  it("the form info serves each choice field's values as the server checks them (the web form's options, no copy)", async () => {
    const d = (await pub('GET', '/api/public/disclosure/form')).body.data;
    expect(d.choices['applicant.kind']).toEqual([...APPLICANT_KINDS]);
    expect(d.choices['applicant.idType']).toEqual([...ID_TYPES]);
    expect(d.choices).toMatchObject({ orgType: [...ORG_TYPES], medium: [...MEDIA], delivery: [...DELIVERIES] });
    expect(d.choices.orgType).not.toContain('自然人');
    const p = (await pub('GET', '/api/public/petitions/form')).body.data;
    expect(Object.keys(p.choices).sort()).toEqual(['applicant.idType', 'applicant.kind']);
  });
});

describe('网上信访 (petitions)', () => {
  it('a valid petition → receipt; the petition enters the queue with 信访形式 网上信访, its 15-day acceptance and the status shows it', async () => {
    const before = await count('petition');
    const noAddress = await pub('POST', '/api/public/petitions/submit', petitionForm({ applicant: { ...person, address: '' }, facts: '短' }), '203.0.113.20');
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.details.fields.map((f: any) => f.field)).toEqual(['applicant.address', 'facts']);
    expect(await count('petition')).toBe(before);
    const r = await pub('POST', '/api/public/petitions/submit', petitionForm(), '203.0.113.20');
    expect(r.status).toBe(201);
    const { receiptNo, secret, refNo, firstDueOn } = r.body.data;
    expect(receiptNo).toMatch(/^XF[2-9A-Z]{16}$/);
    expect(firstDueOn).toBeTruthy();
    const item = (await env.clerk.req('GET', `/api/petitions/items?q=${encodeURIComponent(refNo)}`)).body.data.items[0];
    expect(item).toMatchObject({ channel: '网上信访', status: 'received', firstDueOn });
    const s = await pub('POST', '/api/public/petitions/status', { receiptNo, secret }, '203.0.113.20');
    expect(s.status).toBe(200);
    expect(s.body.data).toMatchObject({ refNo, firstDueOn, reply: null });
    // A petition's receipt does not open the disclosure status (and the reverse): one generic 404.
    expect((await pub('POST', '/api/public/disclosure/status', { receiptNo, secret }, '203.0.113.20')).status).toBe(404);
  });
});

describe('接口密钥: the permissions the admin page offers', () => {
  it('lists the grantable permissions with Chinese labels (never the person-only ones); others get 403', async () => {
    const admin = await login(env.app, 'admin');
    const r = await admin.req('GET', '/api/api-keys/permissions');
    expect(r.status).toBe(200);
    const keys = new Map(r.body.data.map((p: any) => [p.key, p]));
    expect(keys.get('hotline.push')).toMatchObject({ label: '12345平台推送工单（接口）', module: 'hotline' });
    expect(keys.has('system.users.manage')).toBe(false);
    expect(keys.has('system.apikeys.manage')).toBe(false);
    expect((await env.clerk.req('GET', '/api/api-keys/permissions')).status).toBe(403);
  });

  it('hostile input on creating a key → 400 naming the field, no key created', async () => {
    const admin = await login(env.app, 'admin');
    const keysNow = async () => (await admin.req('GET', '/api/api-keys')).body.data.length;
    const before = await keysNow();
    const good = { name: '12345热线平台', permissions: ['hotline.push'], expiresOn: '2099-01-01' };
    for (const [what, body, field] of [
      ['NUL in the name', { ...good, name: '12345\u0000平台' }, 'name'],
      ['a 1 MB name', { ...good, name: 'x'.repeat(1024 * 1024) }, 'name'],
      ['2023-02-30', { ...good, expiresOn: '2023-02-30' }, 'expiresOn'],
      ['a 20-digit date', { ...good, expiresOn: '12345678901234567890' }, 'expiresOn'],
      ['a permission that does not exist', { ...good, permissions: ['no.such.permission'] }, 'permissions'],
    ] as const) {
      const r = await admin.req('POST', '/api/api-keys', body);
      expect({ what, status: r.status, field: r.body.field }).toEqual({ what, status: 400, field });
      expect(r.body.message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await keysNow()).toBe(before);
  });
});
