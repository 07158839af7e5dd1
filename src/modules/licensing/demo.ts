import type { Insertable } from 'kysely';
import type { DemoContext } from '../../core/demo.js';
import { write, type AuditInput, type AuditEvent, type WriteScope } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/calendar.js';
import { orgsByName } from '../../core/orgs.js';
import { usccCheckChar } from '../../core/ledger/validators.js';
import { recordDecision } from '../publicity/index.js';
import type { LicensingTables, PausePeriod, PermitCategory } from './schema.js';
import { DEMO_ITEMS } from './demoCatalogue.js';
import { decisionDeadlines } from './rules.js';
import { ITEM_ENTITY, PERMIT_ENTITY, publicationInput } from './commands.js';
import { insertItems, insertPermits } from './repository.js';

/** 2022 permits decided by category (the 2022 report: 30 水利, 193 排水, 8 工程建设). */
const YEAR_2022: Record<PermitCategory, number> = { 水利: 30, 排水: 193, 工程建设: 8 };
/** A partial 2023 (January–April), for year-over-year views. */
const YEAR_2023: Record<PermitCategory, number> = { 水利: 9, 排水: 57, 工程建设: 3 };

const PLACES = ['天河', '珠江', '五山', '龙洞', '车陂', '棠下', '猎德', '员村', '华景', '天园', '岑村', '凤凰', '长兴', '黄村', '沙河'];
const TRADES = [
  '建设工程',
  '市政工程',
  '餐饮管理',
  '物业管理',
  '房地产开发',
  '环保科技',
  '机电安装',
  '建筑劳务',
  '酒店管理',
  '食品',
  '汽车服务',
  '园林绿化',
  '商贸',
  '医疗器械',
  '教育科技',
];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A write scope that collects audit events and appends them in one batch at the end
 * (the demo's bulk path: the publicity commands audit one event per call).
 */
function batchedAudits(w: WriteScope): { scope: WriteScope; flush(): Promise<void> } {
  const buf: AuditInput[] = [];
  const fake = (input: AuditInput) => ({ ...input }) as unknown as AuditEvent;
  return {
    scope: {
      tx: w.tx,
      ctx: w.ctx,
      audit: async (i) => {
        buf.push(i);
        return fake(i);
      },
      auditMany: async (is) => {
        buf.push(...is);
        return is.map(fake);
      },
    },
    flush: async () => {
      await w.auditMany(buf.splice(0));
    },
  };
}

/** Loads the catalogue and the 2022 (and partial 2023) permit cases, each decided, certified and published. */
export async function loadLicensingDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cal = ctx.sys.calendar.current;
  const orgId = (await orgsByName(ctx.db, ctx.tenantId)).get('行政审批科')!.id;
  const c = ctx;
  const workdays = (from: string, to: string) => {
    const out: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) out.push(d);
    return out;
  };
  const applicant = () => {
    const body = `91440106${Array.from({ length: 9 }, () => USCC_CHARS[Math.floor(rnd() * 31)]).join('')}`;
    return { name: `广州市${pick(PLACES)}${pick(TRADES)}有限公司`, uscc: body + usccCheckChar(body) };
  };

  await write(c, async (w) => {
    const items = await insertItems(
      w.tx,
      DEMO_ITEMS.map((i) => ({
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: i.code,
        name: i.name,
        category: i.category,
        statutory_days: i.statutoryDays,
        committed_days: i.committedDays,
        cloud_window: i.cloudWindow,
        basis: i.basis,
      })),
    );
    await w.auditMany(
      items.map((i) => ({
        entity: ITEM_ENTITY,
        entityId: i.id,
        action: 'created',
        orgId,
        after: {
          code: i.code,
          name: i.name,
          category: i.category,
          statutory_days: i.statutory_days,
          committed_days: i.committed_days,
          cloud_window: i.cloud_window,
        },
        note: { via: 'demo' },
      })),
    );

    type New = Insertable<LicensingTables['lic_permit']> & { item_name: string };
    const rows: New[] = [];
    const plan: Array<[number, Record<PermitCategory, number>, string, string]> = [
      [2022, YEAR_2022, '2022-01-04', '2022-12-20'],
      [2023, YEAR_2023, '2023-01-03', '2023-04-20'],
    ];
    for (const [year, counts, from, to] of plan) {
      const days = workdays(from, to);
      let seq = 0;
      const cases: Array<{ category: PermitCategory; accepted: string }> = [];
      for (const category of ['水利', '排水', '工程建设'] as const) for (let n = 0; n < counts[category]; n++) cases.push({ category, accepted: pick(days) });
      cases.sort((a, b) => a.accepted.localeCompare(b.accepted));
      for (const k of cases) {
        seq++;
        const item = pick(items.filter((i) => i.category === k.category));
        // A few cases need expert review (不计入期限), as 取水 and 水土保持 often do.
        const pauses: PausePeriod[] =
          item.category === '水利' && rnd() < 0.15 ? [{ from: cal.addWorkdays(k.accepted, 1), to: cal.addWorkdays(k.accepted, 3), reason: '专家评审' }] : [];
        const d = decisionDeadlines({ start: k.accepted, committedDays: item.committed_days, statutoryDays: item.statutory_days, pauses }, cal);
        const decided = pauses.length ? d.committed.due : cal.addWorkdays(k.accepted, 1 + Math.floor(rnd() * item.committed_days));
        const published = cal.addWorkdays(decided, 1 + Math.floor(rnd() * 5));
        const a = applicant();
        // 2023: a few counter applications with one visit (2022: every case online, no visit).
        const counter = year === 2023 && rnd() < 0.06;
        rows.push({
          tenant_id: ctx.tenantId,
          org_id: orgId,
          case_no: `XK${year}${String(seq).padStart(4, '0')}`,
          item_id: item.id,
          applicant: a.name,
          applicant_type: '法人',
          applicant_uscc: a.uscc,
          channel: counter ? '窗口' : '网上',
          visits: counter ? 1 : 0,
          status: 'published',
          received_on: k.accepted,
          accepted_on: k.accepted,
          clock_start_on: k.accepted,
          pauses: JSON.stringify(pauses),
          due_on: d.committed.due,
          statutory_due_on: d.statutory.due,
          decided_on: decided,
          result: '准予许可',
          decision_no: `穗天水许〔${year}〕${seq}号`,
          certificate_no: `天水许证〔${year}〕${String(seq).padStart(4, '0')}`,
          certificate_on: decided,
          published_on: published,
          item_name: item.name,
        });
      }
    }
    const inserted: Array<{ id: string }> = [];
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200).map(({ item_name: _n, ...r }) => r);
      inserted.push(...(await insertPermits(w.tx, chunk)));
    }
    await w.auditMany(
      inserted.map((r, i) => ({
        entity: PERMIT_ENTITY,
        entityId: r.id,
        action: 'created',
        orgId,
        after: {
          case_no: rows[i]!.case_no,
          applicant: rows[i]!.applicant,
          received_on: rows[i]!.received_on,
          accepted_on: rows[i]!.accepted_on,
          decided_on: rows[i]!.decided_on,
          result: rows[i]!.result,
          certificate_on: rows[i]!.certificate_on,
        },
        note: { via: 'demo' },
      })),
    );
    // 双公示: every grant is recorded in the publicity register and published.
    const batch = batchedAudits(w);
    for (const [i, r] of inserted.entries()) {
      const row = rows[i]!;
      // Recorded as already published (the register's path for past decisions): one call per grant.
      await recordDecision(
        batch.scope,
        ctx.sys.calendar,
        publicationInput({
          id: r.id,
          org_id: row.org_id,
          decision_no: row.decision_no ?? null,
          decided_on: row.decided_on ?? null,
          applicant: row.applicant,
          applicant_type: row.applicant_type ?? '法人',
          applicant_uscc: row.applicant_uscc ?? null,
          item_name: row.item_name,
          published_on: row.published_on ?? null,
          certificate_no: row.certificate_no ?? null,
        }),
      );
    }
    await batch.flush();
    ctx.log(`行政许可：${items.length} 个许可事项、${rows.length} 件办件（2022年 ${Object.values(YEAR_2022).reduce((a, b) => a + b)} 件）`);
  });
}
