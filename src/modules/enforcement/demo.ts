/**
 * The demo bureau's enforcement records: the item catalogue (48 delegated to the
 * streets), officers with certificates, clues, and the 2022 cases that reproduce the
 * report's figures exactly (bureau 24/21/7/14/701100.00; streets 41/37/27/10/124360.00),
 * plus a partial 2023. Deterministic from ctx.random; synthetic names; bulk inserts
 * with one `auditMany` per table.
 */
import type { DemoContext } from '../../core/demo.js';
import { write, type AuditInput } from '../../core/audit/audit.js';
import { orgsByName } from '../../core/orgs.js';
import { findUserByUsername } from '../../core/auth/users.js';
import { idCardCheckChar, usccCheckChar, USCC_ALPHABET } from '../../core/ledger/validators.js';
import { recordDecision } from '../publicity/index.js';
import {
  type CaseWithOrg,
  insertCases,
  insertClues,
  insertEvidenceRows,
  insertItems,
  insertLegalReviewer,
  insertOfficers,
  insertReview,
  insertReviewItems,
  linkCasesToClues,
} from './repository.js';
import { formatDiscretion } from './discretion.js';
import { openId, sealId } from './pii.js';
import { penaltyContent, trackCase } from './commands/caseCommands.js';
import type { Insertable } from 'kysely';
import type { DiscretionLevel, EnfTables } from './schema.js';
import { DEFAULT_CHECKLIST, drawSample, SAMPLING_ALGORITHM } from './sampling.js';
import { savePaymentPlace } from './commands/paymentPlace.js';

const SURNAMES = '陈李黄张梁刘林何罗郭吴周郑谢冯邓曾彭许苏卢蔡叶钟朱'.split('');
const GIVEN = '志伟明辉海军建华永强国峰文杰俊杰家豪嘉欣晓敏丽娟少华锦荣耀东振宇子健淑仪惠玲德培汉文'.match(/../g)!;
const CO_HEAD = ['天', '穗', '珠', '粤', '华', '越', '羊', '恒', '宏', '广'];
const CO_MID = ['鸿', '达', '泰', '盛', '信', '建', '联', '安', '诚', '源'];
const CO_TAIL = [
  '建筑工程有限公司',
  '市政工程有限公司',
  '建设集团有限公司',
  '物业管理有限公司',
  '餐饮管理有限公司',
  '混凝土有限公司',
  '环保科技有限公司',
  '园林绿化有限公司',
];

/** Violation templates of water enforcement (synthetic catalogue in the shape of a district's list). */
const TEMPLATES: Array<[string, string, string]> = [
  ['未经许可向城镇排水设施排放污水', '《城镇排水与污水处理条例》第二十一条', '《城镇排水与污水处理条例》第五十条'],
  ['排水户未按照排水许可证要求排放污水', '《城镇排水与污水处理条例》第二十一条', '《城镇排水与污水处理条例》第五十条第二款'],
  ['在建工地向河涌、排水管网排放黄泥水', '《广州市排水管理办法》第二十二条', '《广州市排水管理办法》第四十五条'],
  ['在河道管理范围内倾倒垃圾、渣土', '《中华人民共和国河道管理条例》第二十四条', '《中华人民共和国河道管理条例》第四十四条'],
  ['在河道管理范围内搭建建筑物、构筑物', '《广州市河涌管理规定》第十七条', '《广州市河涌管理规定》第三十二条'],
  ['未经批准在河道管理范围内进行建设', '《中华人民共和国水法》第三十八条', '《中华人民共和国水法》第六十五条'],
  ['损毁、侵占城镇排水设施', '《城镇排水与污水处理条例》第四十二条', '《城镇排水与污水处理条例》第五十五条'],
  ['从事危及城镇排水设施安全的活动', '《城镇排水与污水处理条例》第四十三条', '《城镇排水与污水处理条例》第五十四条'],
  ['未按规定设置预处理设施排放餐饮污水', '《广州市排水管理办法》第二十五条', '《广州市排水管理办法》第四十七条'],
  ['擅自占用、挖掘城市道路排水管渠', '《广州市排水管理办法》第三十条', '《广州市排水管理办法》第四十九条'],
  ['在河道管理范围内堆放物料', '《中华人民共和国河道管理条例》第二十四条', '《中华人民共和国河道管理条例》第四十四条'],
  ['未经批准取用地下水', '《取水许可和水资源费征收管理条例》第二条', '《中华人民共和国水法》第六十九条'],
];
const VARIANTS = ['', '（情节轻微）', '（再次违法）', '（影响防汛安全）', '（造成设施损坏）'];

/** The bureau's discretion benchmark (yuan), shared by the demo items. */
const LEVELS: DiscretionLevel[] = [
  { level: 'minor', label: '轻微', minFen: 0, maxFen: 1_000_000, waiver: true },
  { level: 'ordinary', label: '一般', minFen: 1_000_000, maxFen: 5_000_000 },
  { level: 'serious', label: '较重', minFen: 5_000_000, maxFen: 10_000_000 },
];
const levelOf = (fen: number) => (fen <= 1_000_000 ? 'minor' : fen <= 5_000_000 ? 'ordinary' : 'serious');

/** The 2022 money penalties (yuan) whose sums the report states. */
const BUREAU_FINES = [100000, 80000, 70000, 60000, 55000, 50000, 50000, 45000, 40000, 40000, 35000, 30000, 26100, 20000];
const STREET_FINES = [30000, 20000, 15000, 12000, 10000, 10000, 8000, 8360, 6000, 5000];

export async function loadEnforcementDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const shuffle = <T>(a: T[]): T[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const cal = ctx.sys.calendar.current;
  const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const work = (d: string, n: number) => cal.addWorkdays(d, n);
  const person = () => pick(SURNAMES) + pick(GIVEN);
  const idCard = () => {
    const body = `440106${int(1960, 1999)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(100, 999))}`;
    return body + idCardCheckChar(body);
  };
  const uscc = () => {
    const body = `91440106${Array.from({ length: 9 }, () => USCC_ALPHABET[int(0, 30)]).join('')}`;
    return body + usccCheckChar(body);
  };

  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const bureauOrg = [...orgs.values()].find((o) => o.kind === 'bureau')!;
  const squad = orgs.get('水政监察大队')!;
  const streets = [...orgs.values()].filter((o) => o.kind === 'street').sort((a, b) => a.sort - b.sort);
  const c = ctx;
  // 行政处罚法第五十七条: the bureau's head decides (the demo's leader account); each street office's head its own cases
  // (synthetic names, fixed per street so the random draws below are unchanged).
  const leaderUser = await findUserByUsername(ctx.db, 'leader');
  const head = { name: leaderUser?.display_name ?? '李局长', userId: leaderUser?.id ?? null };
  const streetHead = new Map(streets.map((s, i) => [s.id, `${SURNAMES[(i * 5) % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`]));
  // 行政处罚法第五十八条第二款: the legal office's reviewer holds the 法律职业资格 (the demo's legal account).
  const legalUser = await findUserByUsername(ctx.db, 'legal');

  await write(c, async (w) => {
    const audits: AuditInput[] = [];

    // ── Catalogue: 60 items, 48 delegated to the streets ──
    const itemRows = [];
    for (let i = 0; i < 60; i++) {
      const [name, legal, penalty] = TEMPLATES[i % TEMPLATES.length]!;
      const variant = VARIANTS[Math.floor(i / TEMPLATES.length)]!;
      itemRows.push({
        tenant_id: ctx.tenantId,
        org_id: bureauOrg.id,
        code: `440106-SW-CF-${String(i + 1).padStart(3, '0')}`,
        name: name + variant,
        legal_basis: legal,
        penalty_basis: penalty,
        discretion: JSON.stringify(LEVELS),
        discretion_text: formatDiscretion(LEVELS),
        delegated: i < 48,
      });
    }
    const items = await insertItems(w.tx, itemRows);
    for (const it of items)
      audits.push({
        entity: 'enforcement.item',
        entityId: it.id,
        action: 'created',
        orgId: bureauOrg.id,
        after: { code: it.code, name: it.name, delegated: it.delegated },
        note: { via: 'demo' },
      });

    // ── Officers: 12 in the squad, 2–4 per street; all certified (2022 national certificate renewal), all passed the exam ──
    const used = new Set<string>();
    const uniqueName = () => {
      for (;;) {
        const n = person();
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
    };
    const officerRows: Array<{
      tenant_id: string;
      org_id: string;
      name: string;
      cert_no: string;
      cert_issued_on: string;
      cert_valid_until: string;
      exam_score: number;
    }> = [];
    let certSeq = 1;
    const addOfficer = (orgId: string) =>
      officerRows.push({
        tenant_id: ctx.tenantId,
        org_id: orgId,
        name: uniqueName(),
        cert_no: `44010622${String(certSeq++).padStart(5, '0')}`,
        cert_issued_on: '2022-06-30',
        cert_valid_until: '2027-06-29',
        exam_score: int(72, 98),
      });
    for (let i = 0; i < 12; i++) addOfficer(squad.id);
    for (const s of streets) for (let i = 0, n = int(2, 4); i < n; i++) addOfficer(s.id);
    const officers = await insertOfficers(w.tx, officerRows);
    for (const o of officers)
      audits.push({ entity: 'enforcement.officer', entityId: o.id, action: 'created', orgId: o.org_id, after: { name: o.name }, note: { via: 'demo' } });
    const officersOf = (orgId: string) => officers.filter((o) => o.org_id === orgId);

    // ── 法制审核人员 with their 法律职业资格 ──
    const reviewer = legalUser
      ? await insertLegalReviewer(w.tx, {
          tenant_id: ctx.tenantId,
          org_id: legalUser.org_id,
          user_id: legalUser.id,
          name: legalUser.display_name,
          qualification_no: 'A20184401060213',
          qualified_on: '2018-12-21',
        })
      : null;
    if (reviewer)
      audits.push({
        entity: 'enforcement.legal_reviewer',
        entityId: reviewer.id,
        action: 'created',
        orgId: reviewer.org_id,
        after: { name: reviewer.name, qualification_no: reviewer.qualification_no, qualified_on: reviewer.qualified_on },
        note: { via: 'demo' },
      });

    // ── Case plans ──
    interface Plan {
      orgId: string;
      orgName: string;
      street: boolean;
      year: number;
      filedOn: string;
      fine: number;
      warning: boolean;
      closes: boolean;
      openStage?: string;
      closeFrom?: string;
    }
    const plans: Plan[] = [];
    const spreadDates = (n: number, from: string, to: string) => {
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      return Array.from({ length: n }, () => cal.nextWorkdayOnOrAfter(addDays(from, int(0, span)))).sort();
    };
    // Bureau 2022: 24 filed; 21 closed in 2022 (7 warnings, 14 money penalties); 3 filed late and closed in 2023.
    const bFines = shuffle([...BUREAU_FINES]);
    const bDates = spreadDates(21, '2022-01-10', '2022-07-31');
    const bKinds = shuffle([...Array(7).fill(0), ...bFines]);
    bDates.forEach((d, i) => {
      plans.push({ orgId: squad.id, orgName: squad.name, street: false, year: 2022, filedOn: d, fine: bKinds[i]!, warning: bKinds[i] === 0, closes: true });
    });
    spreadDates(3, '2022-11-01', '2022-12-20').forEach((d, i) => {
      plans.push({
        orgId: squad.id,
        orgName: squad.name,
        street: false,
        year: 2022,
        filedOn: d,
        fine: [30000, 0, 15000][i]!,
        warning: i === 1,
        closes: true,
        closeFrom: '2023-01-04',
      });
    });
    // Streets 2022: 41 filed, spread unevenly over the 21 streets; 37 closed (27 warnings, 10 money penalties).
    const weights = streets.map((s) => (s.name === '五山街道' || s.name === '员村街道' ? 3 : 0) + rnd() ** 2 * 6);
    const streetOf = (k: number) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = ((k + 0.5) / 41) * total;
      for (const [i, wgt] of weights.entries()) {
        if (x < wgt) return streets[i]!;
        x -= wgt;
      }
      return streets.at(-1)!;
    };
    const sFines = shuffle([...STREET_FINES]);
    const sKinds = shuffle([...Array(27).fill(0), ...sFines]);
    const sDates = spreadDates(37, '2022-01-05', '2022-08-15');
    sDates.forEach((d, i) => {
      const s = streetOf(i);
      plans.push({ orgId: s.id, orgName: s.name, street: true, year: 2022, filedOn: d, fine: sKinds[i]!, warning: sKinds[i] === 0, closes: true });
    });
    spreadDates(4, '2022-11-10', '2022-12-25').forEach((d, i) => {
      const s = streetOf(37 + i);
      plans.push({
        orgId: s.id,
        orgName: s.name,
        street: true,
        year: 2022,
        filedOn: d,
        fine: [0, 5000, 0, 2000][i]!,
        warning: i % 2 === 0,
        closes: true,
        closeFrom: '2023-01-04',
      });
    });
    // 2023 (January–April): a few months of records, some still open at various stages.
    const open2023 = ['investigation', 'proposed', 'approval', 'legal_review', 'decided', 'served'];
    spreadDates(8, '2023-01-09', '2023-04-20').forEach((d, i) => {
      plans.push({
        orgId: squad.id,
        orgName: squad.name,
        street: false,
        year: 2023,
        filedOn: d,
        fine: i % 3 === 0 ? 0 : int(2, 9) * 5000,
        warning: i % 3 === 0,
        closes: i < 4,
        openStage: i >= 4 ? open2023[i - 2] : undefined,
      });
    });
    spreadDates(14, '2023-01-09', '2023-04-25').forEach((d, i) => {
      const s = i < 2 ? orgs.get(['五山街道', '员村街道'][i]!)! : pick(streets);
      plans.push({
        orgId: s.id,
        orgName: s.name,
        street: true,
        year: 2023,
        filedOn: d,
        fine: i % 3 === 1 ? int(1, 6) * 1000 : 0,
        warning: i % 3 !== 1,
        closes: i < 10,
        openStage: i >= 10 ? open2023[i - 10] : undefined,
      });
    });

    // ── Build the cases with their dates ──
    const serial = new Map<string, number>();
    const next = (prefix: string) => {
      const n = (serial.get(prefix) ?? 0) + 1;
      serial.set(prefix, n);
      return `${prefix}${n}号`;
    };
    plans.sort((a, b) => a.filedOn.localeCompare(b.filedOn));
    const caseRows: Insertable<EnfTables['enf_case']>[] = [];
    const evidenceRows: Insertable<EnfTables['enf_evidence']>[] = [];
    /** Clues with the number of the case they became (resolved to its id once the cases are in). */
    const clueRows: Array<Insertable<EnfTables['enf_clue']> & { case_no?: string | null }> = [];
    const SOURCES = ['巡查发现', '巡查发现', '巡查发现', '12345', '12345', '举报', '河长制', '移送', '信访'];
    for (const p of plans) {
      const short = p.orgName.replace(/街道$/, '');
      const y = p.filedOn.slice(0, 4);
      const casePrefix = p.street ? `天${short}街执水立〔${y}〕` : `天水执立〔${y}〕`;
      const decisionPrefix = p.street ? `穗天${short}街罚〔${y}〕` : `穗天水罚〔${y}〕`;
      const mine = officersOf(p.orgId);
      const two = shuffle([...mine]).slice(0, 2);
      const pool = items.filter((i) => !p.street || i.delegated);
      const item = pick(pool);
      const org = rnd() < (p.street ? 0.45 : 0.7);
      const partyName = org ? `广州市${pick(CO_HEAD)}${pick(CO_MID)}${pick(CO_TAIL)}` : person();
      const fineFen = p.fine * 100;
      // 26,100 yuan is a fine of 20,000 plus 6,100 of illegal gains confiscated.
      const conf = p.fine === 26100 ? 610_000 : 0;
      const fine = fineFen - conf;
      const summary = p.warning && p.street && rnd() < 0.6;
      const source = pick(SOURCES);
      const hearing = !summary && (org ? fineFen > 5_000_000 : fineFen > 500_000);
      const major = fineFen >= 5_000_000 || p.openStage === 'legal_review';
      const filed = p.filedOn;
      const notified = summary ? filed : work(filed, int(10, 25));
      const heardOn = hearing && rnd() < 0.3 ? work(notified, 12) : null;
      const reviewed = hearing || major ? work(heardOn ?? notified, int(6, 8)) : null;
      const discussed = major ? work(reviewed!, int(1, 3)) : null;
      const decided = summary ? filed : work(discussed ?? reviewed ?? notified, int(6, 10));
      const served = summary ? filed : work(decided, int(1, 4));
      const paid = fineFen > 0 ? addDays(served, int(3, 14)) : null;
      const executed = paid ?? served;
      const closed = work(p.closeFrom && p.closeFrom > executed ? p.closeFrom : executed, int(2, 8));
      if (p.year === 2022 && !p.closeFrom && closed > '2022-12-31') throw new Error(`demo: a 2022 case meant to close in 2022 closes on ${closed}`);
      const published = work(decided, int(1, 7));
      const stage = p.closes ? (p.year === 2022 && rnd() < 0.7 ? 'archived' : 'closed') : (p.openStage ?? (p.year === 2022 ? 'executed' : 'investigation'));
      const order = ['investigation', 'proposed', 'notified', 'legal_review', 'approval', 'decided', 'served', 'executed', 'closed', 'archived'];
      const reached = (s: string) => order.indexOf(stage) >= order.indexOf(s);
      // Submitted to the head and decided by them (行政处罚法第五十七条); summary cases are decided on the spot (第五十一、五十二条).
      const approver = summary ? null : p.street ? { name: streetHead.get(p.orgId)!, userId: null } : head;
      // 送达 (第六十一条): on the spot for summary cases; otherwise mostly direct, some by post, some electronically with consent.
      const method = summary ? '当场交付' : caseRows.length % 9 === 4 ? '邮寄送达' : caseRows.length % 13 === 6 ? '电子送达' : '直接送达';
      const kinds = p.warning ? ['警告'] : conf ? ['罚款', '没收违法所得'] : ['罚款'];
      const cause = item.name.replace(/（.*）$/, '');
      const row = {
        tenant_id: ctx.tenantId,
        org_id: p.orgId,
        case_no: next(casePrefix),
        stage,
        procedure: summary ? ('summary' as const) : ('general' as const),
        source,
        source_ref: source === '12345' ? `GD12345-${y}${String(int(1, 99999)).padStart(6, '0')}` : null,
        item_id: item.id,
        item_code: item.code,
        cause,
        party_type: org ? '法人' : '自然人',
        party_name: partyName,
        ...sealId(org ? uscc() : idCard()),
        filed_on: filed,
        major,
        officer_ids: two.map((o) => o.id),
        officer_names: two.map((o) => o.name),
        circumstance: levelOf(fineFen),
        first_violation: p.warning,
        proposed_kinds: reached('proposed') ? kinds : [],
        proposed_fine_fen: reached('proposed') ? fine : null,
        proposed_confiscation_fen: reached('proposed') ? conf : null,
        notified_on: reached('notified') ? notified : null,
        rights_waived: summary,
        hearing_requested_on: reached('approval') && heardOn ? work(notified, 2) : null,
        hearing_notice_on: reached('approval') && heardOn ? work(notified, 3) : null,
        hearing_on: reached('approval') && heardOn ? heardOn : null,
        hearing_held_on: reached('approval') && heardOn ? heardOn : null,
        hearing_record: reached('approval') && heardOn ? '当事人到场陈述，承认违法事实，请求从轻处罚。' : null,
        review_on: reached('approval') ? reviewed : null,
        review_result: reached('approval') && reviewed ? '同意' : null,
        review_opinion: reached('approval') && reviewed ? '主体合法，事实清楚，证据充分，程序合法，适用依据正确，裁量适当，同意。' : null,
        review_by_user_id: reached('approval') && reviewed ? (legalUser?.id ?? null) : null,
        review_by_name: reached('approval') && reviewed ? (legalUser?.display_name ?? null) : null,
        discussion_on: reached('approval') ? discussed : null,
        discussion_minutes: reached('approval') && discussed ? '局党组会议集体讨论，同意按拟处罚意见作出决定。' : null,
        decision_submitted_on: reached('approval') && approver ? decided : null,
        decision_approver: reached('decided') && approver ? approver.name : null,
        decision_approver_user_id: reached('decided') && approver ? approver.userId : null,
        decision_approver_capacity: reached('decided') && approver ? ('head' as const) : null,
        decided_on: reached('decided') ? decided : null,
        decision_no: reached('decided') ? next(decisionPrefix) : null,
        penalty_kinds: reached('decided') ? kinds : [],
        fine_fen: reached('decided') ? fine : 0,
        confiscation_fen: reached('decided') ? conf : 0,
        decision_facts: reached('approval') ? `当事人${partyName}存在${cause}的行为，经现场检查和调查询问查实` : null,
        decision_basis: reached('approval') ? item.penalty_basis : null,
        served_on: reached('served') ? served : null,
        service_method: reached('served') ? method : null,
        service_consent_on: reached('served') && method === '电子送达' ? decided : null,
        paid_on: reached('executed') ? paid : null,
        executed_on: reached('executed') ? executed : null,
        closed_on: reached('closed') ? closed : null,
        published_on: reached('decided') && (reached('executed') || published <= '2023-04-28') ? published : null,
        archived_on: stage === 'archived' ? work(closed, int(5, 20)) : null,
      };
      caseRows.push(row);
      if (source !== '移送' || rnd() < 0.5) {
        clueRows.push({
          tenant_id: ctx.tenantId,
          org_id: p.orgId,
          clue_no: '',
          source,
          source_ref: row.source_ref,
          received_on: addDays(filed, -int(1, 6)),
          summary: `${row.party_type === '法人' ? partyName : '群众反映有人'}涉嫌${cause}`,
          location: `${p.street ? p.orgName : pick(streets).name}辖内`,
          party_name: partyName,
          status: 'case',
          case_no: row.case_no,
        });
      }
    }
    // Clues that did not become cases, and two transfers between the bureau and a street.
    for (let i = 0; i < 16; i++) {
      const s = pick(streets);
      const onStreet = rnd() < 0.5;
      const received = work(`${i < 12 ? 2022 : 2023}-${String(int(1, i < 12 ? 12 : 4)).padStart(2, '0')}-10`, int(0, 10));
      clueRows.push({
        tenant_id: ctx.tenantId,
        org_id: onStreet ? s.id : squad.id,
        clue_no: '',
        source: pick(SOURCES),
        source_ref: null,
        received_on: received,
        summary: `反映${s.name}${pick(['某工地', '某小区', '某餐饮店', '某河涌岸边'])}${pick(TEMPLATES)[0]}`,
        location: `${s.name}辖内`,
        party_name: null,
        status: 'closed',
        closed_on: work(received, int(2, 8)),
        close_reason: pick(['经现场核查，未发现违法行为', '已自行整改，违法状态消除，不予立案', '不属于本部门职责，已告知向有关部门反映']),
      });
    }
    const wushan = orgs.get('五山街道')!;
    clueRows.push({
      tenant_id: ctx.tenantId,
      org_id: wushan.id,
      from_org_id: squad.id,
      clue_no: '',
      source: '河长制',
      source_ref: '河长巡河问题HZ2023-0412',
      received_on: '2023-04-12',
      summary: '河长巡河发现五山街道辖内某工地向河涌排放黄泥水',
      location: '五山街道辖内',
      party_name: null,
      status: 'transferred',
      transferred_on: '2023-04-13',
      transfer_due_on: work('2023-04-13', 15),
    });
    clueRows.push({
      tenant_id: ctx.tenantId,
      org_id: squad.id,
      from_org_id: orgs.get('员村街道')!.id,
      clue_no: '',
      source: '移送',
      source_ref: '员村街道移送函〔2023〕3号',
      received_on: '2023-03-20',
      summary: '员村街道移送：某公司未经批准在河道管理范围内进行建设，不属下放事项',
      location: '员村街道辖内',
      party_name: null,
      status: 'open',
      transferred_on: '2023-03-20',
      transfer_due_on: work('2023-03-20', 15),
      receipt_on: '2023-03-21',
      feedback: '已签收，正在核查。',
      feedback_on: '2023-03-28',
    });
    clueRows.sort((a, b) => a.received_on.localeCompare(b.received_on));
    const clueSerial = new Map<string, number>();
    for (const cl of clueRows) {
      const y = cl.received_on.slice(0, 4);
      const n = (clueSerial.get(y) ?? 0) + 1;
      clueSerial.set(y, n);
      cl.clue_no = `XS${y}-${String(n).padStart(4, '0')}`;
    }

    const inserted = await insertCases(w.tx, caseRows);
    const byNo = new Map(inserted.map((r) => [r.case_no, r]));
    for (const r of inserted) {
      const steps: Array<[string, string | null]> = [
        ['filed', r.filed_on],
        ['proposed', r.proposed_kinds.length ? r.notified_on : null],
        ['notified', r.procedure === 'general' ? r.notified_on : null],
        ['hearing_held', r.hearing_held_on],
        ['review_passed', r.review_on],
        ['discussed', r.discussion_on],
        ['decision_submitted', r.decision_submitted_on],
        ['decided', r.decided_on],
        ['served', r.served_on],
        ['executed', r.executed_on],
        ['closed', r.closed_on],
        ['archived', r.archived_on],
      ];
      for (const [action, on] of steps)
        if (on)
          audits.push({
            entity: 'enforcement.case',
            entityId: r.id,
            action,
            orgId: r.org_id,
            note: { on, via: 'demo' },
            ...(action === 'filed' ? { after: { case_no: r.case_no, cause: r.cause, party_name: r.party_name, filed_on: r.filed_on } } : {}),
          });
      const nEv = int(1, 3);
      for (let k = 0; k < nEv; k++) {
        const kind = (['photo', 'inspection', 'inquiry'] as const)[k]!;
        evidenceRows.push({
          tenant_id: ctx.tenantId,
          org_id: r.org_id,
          case_id: r.id,
          kind,
          title: { photo: '现场照片', inspection: '现场检查笔录', inquiry: `对${r.party_name}的询问笔录` }[kind],
          collected_on: work(r.filed_on, k),
          note: null,
          attachment_id: null,
        });
      }
    }
    await insertEvidenceRows(w.tx, evidenceRows);
    const clues = await insertClues(
      w.tx,
      clueRows.map(({ case_no, ...cl }) => ({ ...cl, case_id: case_no ? byNo.get(case_no)!.id : null })),
    );
    for (const cl of clues)
      audits.push({
        entity: 'enforcement.clue',
        entityId: cl.id,
        action: 'created',
        orgId: cl.org_id,
        after: { clue_no: cl.clue_no, source: cl.source },
        note: { via: 'demo' },
      });
    await linkCasesToClues(w.tx, ctx.tenantId);
    await w.auditMany(audits);

    // Publication (双公示) through the publicity module, and the tracked deadlines of open cases.
    const orgName = new Map([...orgs.values()].map((o) => [o.id, o]));
    for (const r of inserted) {
      const o = orgName.get(r.org_id)!;
      if (r.decided_on && r.decision_no) {
        await recordDecision(w, ctx.sys.calendar, {
          kind: 'penalty',
          orgId: r.org_id,
          sourceEntity: 'enforcement.case',
          sourceId: r.id,
          decisionNo: r.decision_no,
          decidedOn: r.decided_on,
          partyName: r.party_name,
          partyType: r.party_type,
          partyIdNo: openId(r.party_id_no),
          title: r.cause,
          content: penaltyContent(r),
          basis: r.decision_basis,
          amountFen: Number(r.fine_fen) + Number(r.confiscation_fen),
          publishedOn: r.published_on,
          fields: {
            违法事实: r.decision_facts ?? '',
            处罚类别: r.penalty_kinds.join('、'),
            罚款金额分: String(r.fine_fen),
            没收金额分: String(r.confiscation_fen),
            机关: o.name,
          },
        });
      }
      if (!r.closed_on) await trackCase(ctx.sys, w, c, { ...r, org_name: o.name, org_kind: o.kind, org_uscc: o.uscc } as CaseWithOrg);
    }

    // 案卷评查 of two streets' 2022 closed cases in January 2023, drawn reproducibly and scored.
    for (const [k, name] of ['五山街道', '猎德街道'].entries()) {
      const s = orgs.get(name)!;
      const population = inserted.filter((r) => r.org_id === s.id && r.closed_on && r.closed_on <= '2022-12-31').map((r) => ({ id: r.id, caseNo: r.case_no }));
      if (!population.length) continue;
      const seed = 20230110 + k;
      const sample = drawSample(population, 2, seed);
      const review = await insertReview(w.tx, {
        tenant_id: ctx.tenantId,
        org_id: s.id,
        title: `${name}2022年度水政执法案卷评查`,
        year: 2022,
        seed,
        algorithm: SAMPLING_ALGORITHM,
        sample_size: sample.length,
        population: population.length,
        checklist: JSON.stringify(DEFAULT_CHECKLIST),
        drawn_on: '2023-01-10',
      });
      for (const x of sample) {
        const scores = Object.fromEntries(DEFAULT_CHECKLIST.map((c) => [c.key, c.points - (rnd() < 0.3 ? int(1, 3) : 0)]));
        const total = Object.values(scores).reduce((a, b) => a + b, 0);
        await insertReviewItems(w.tx, [
          {
            tenant_id: ctx.tenantId,
            org_id: s.id,
            review_id: review.id,
            case_id: x.id,
            scores: JSON.stringify(scores),
            score: total,
            findings: total < 100 ? '询问笔录未记录告知当事人权利；送达回证签收日期填写不规范' : null,
            rectification: total < 100 ? '已组织承办人学习文书规范，补正送达回证' : null,
            rectified_on: total < 100 ? '2023-02-15' : null,
            scored_on: '2023-01-18',
          },
        ]);
      }
      await w.audit({
        entity: 'enforcement.review',
        entityId: review.id,
        action: 'drawn',
        orgId: s.id,
        after: { seed, population: population.length, sample: sample.map((x) => x.caseNo) },
        note: { via: 'demo' },
      });
    }
  });
  // 罚没款缴纳地点 (行政处罚法第五十九条、第六十七条): printed in every decision with a fine. A demo account, not a real one.
  await savePaymentPlace(ctx, {
    bank: '中国工商银行广州天河支行（演示）',
    accountName: '广州市天河区财政局非税收入汇缴结算户（演示）',
    accountNo: '3602 0000 0000 0000 001',
  });
  ctx.log(`行政执法：60 个执法事项（48 个下放街道）、执法人员与案件（2022 年及 2023 年 1—4 月）、罚没款缴纳地点`);
}
