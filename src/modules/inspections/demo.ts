import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { orgsByName } from '../../core/orgs.js';
import { usccCheckChar } from '../../core/ledger/validators.js';
import { insertConflicts, insertEntities, insertInspectors, insertItems, taskVersionsOfDraw } from './repository.js';
import { applyPlanEvent, applyTaskEvent, createPlan } from './commands.js';
import { TIANHE_STREETS } from '../system/index.js';
import { listEnforcementOfficers } from '../enforcement/index.js';
import { addAnnualEntries, applyRecordEvent, createAnnualPlan, registerRecord } from './records.js';

const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '何', '罗', '郑', '谢', '冯', '邓'];
const GIVEN = ['伟明', '志强', '嘉豪', '晓东', '国栋', '文斌', '建新', '少华', '永健', '海涛', '锦荣', '俊杰', '卓伦', '宇航'];
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The random-inspection registers, two 2022 plans drawn, inspected and published, and a 2023 plan drawn. */
export async function loadInspectionsDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const orgId = (await orgsByName(ctx.db, ctx.tenantId)).get('水政监察大队')!.id;
  const c = { ...ctx, actor: { ...ctx.actor, orgId } };
  const uscc = () => {
    const body = `91440106${Array.from({ length: 9 }, () => USCC_CHARS[Math.floor(rnd() * 31)]).join('')}`;
    return body + usccCheckChar(body);
  };
  const ids = await write(c, async (w) => {
    const items = await insertItems(w.tx, [
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: 'SJ-PS-01',
        name: '排水户排水行为的检查',
        entity_kind: '排水户',
        basis: '《城镇排水与污水处理条例》第五十条',
        method: '现场检查、书面检查',
      },
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: 'SJ-GD-01',
        name: '在建工地排水及黄泥水排放的检查',
        entity_kind: '在建工地',
        basis: '《城镇排水与污水处理条例》第五十条；《广州市排水管理办法》',
        method: '现场检查',
      },
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: 'SJ-QS-01',
        name: '取水单位取水行为的检查',
        entity_kind: '取水户',
        basis: '《取水许可和水资源费征收管理条例》第四十五条',
        method: '现场检查、书面检查',
      },
      {
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: 'SJ-HD-01',
        name: '河道管理范围内建设项目的检查',
        entity_kind: '河道管理范围内建设项目',
        basis: '《中华人民共和国河道管理条例》第十一条',
        method: '现场检查',
      },
    ]);
    const kinds: Array<[string, number, string]> = [
      ['排水户', 60, 'PSH'],
      ['在建工地', 40, 'GD'],
      ['取水户', 8, 'QSH'],
      ['河道管理范围内建设项目', 10, 'HD'],
    ];
    const entities = kinds.flatMap(([kind, n, prefix]) =>
      Array.from({ length: n }, (_, i) => {
        const street = pick(TIANHE_STREETS);
        const name =
          kind === '在建工地'
            ? `${street}片区${pick(['综合管廊', '安置房', '道路改造', '学校', '商业综合体'])}项目（${i + 1}标）`
            : kind === '排水户'
              ? `广州市${street}${pick(['餐饮', '洗车', '酒店', '物业', '食品'])}${pick(['管理', '服务', '经营'])}有限公司`
              : kind === '取水户'
                ? `${street}${pick(['游泳馆', '混凝土搅拌站', '洗涤厂'])}`
                : `${pick(['猎德涌', '车陂涌', '沙河涌', '深涌'])}${pick(['桥梁', '碧道', '管线穿越'])}工程（${street}段）`;
        return {
          tenant_id: ctx.tenantId,
          org_id: orgId,
          code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
          name,
          kind,
          uscc: kind === '在建工地' || kind === '河道管理范围内建设项目' ? null : uscc(),
          street: `${street}街道`,
          address: `天河区${street}街道`,
        };
      }),
    );
    const ents = await insertEntities(w.tx, entities);
    const names = new Set<string>();
    while (names.size < 14) names.add(pick(SURNAMES) + pick(GIVEN));
    const ins = await insertInspectors(
      w.tx,
      [...names].map((name, i) => ({
        tenant_id: ctx.tenantId,
        org_id: orgId,
        code: `ZF-${String(i + 1).padStart(2, '0')}`,
        name,
        cert_no: `44010622${String(1000 + i * 37).padStart(6, '0')}`,
      })),
    );
    const conflicts = Array.from({ length: 6 }, (_, i) => ({
      tenant_id: ctx.tenantId,
      org_id: orgId,
      inspector_id: ins[i * 2]!.id,
      entity_id: ents[i * 9]!.id,
      reason: pick(['近亲属在该单位任职', '曾在该单位任职未满三年', '与该单位存在经济往来']),
    }));
    await insertConflicts(w.tx, conflicts);
    await w.auditMany([
      ...items.map((r) => ({
        entity: 'inspections.item',
        entityId: r.id,
        action: 'created',
        orgId,
        after: { code: r.code, name: r.name },
        note: { via: 'demo' },
      })),
      ...ents.map((r) => ({
        entity: 'inspections.entity',
        entityId: r.id,
        action: 'created',
        orgId,
        after: { code: r.code, name: r.name, kind: r.kind },
        note: { via: 'demo' },
      })),
      ...ins.map((r) => ({
        entity: 'inspections.inspector',
        entityId: r.id,
        action: 'created',
        orgId,
        after: { code: r.code, name: r.name },
        note: { via: 'demo' },
      })),
    ]);
    return { items, ents };
  });
  const cal = ctx.sys.calendar;
  const plans: Array<[number, string, number, number, string, string, string, boolean]> = [
    [2022, '2022年度排水户排水行为随机抽查', 0, 10, '2022-04-01', '2022-06-30', '2022-03-28', true],
    [2022, '2022年度在建工地排水随机抽查', 1, 10, '2022-09-01', '2022-11-30', '2022-08-26', true],
    [2023, '2023年度排水户排水行为随机抽查', 0, 5, '2023-04-10', '2023-06-30', '2023-04-03', false],
  ];
  let tasks = 0;
  for (const [year, title, item, pct, from, to, drawnOn, inspect] of plans) {
    const plan = await createPlan(c, { year, title, itemId: ids.items[item]!.id, ratioPercent: pct, windowFrom: from, windowTo: to });
    const seed = String(Math.floor(rnd() * 1e8));
    const draw = await applyPlanEvent(c, { id: plan.id, event: 'draw' }, { seed, drawnOn });
    if (!inspect) continue;
    const rows = await taskVersionsOfDraw(ctx.db, ctx.tenantId, draw.id);
    for (const t of rows) {
      const inspectedOn = cal.current.addWorkdays(from, 5 + Math.floor(rnd() * 30));
      const problem = rnd() < 0.2;
      const r = await applyTaskEvent(
        c,
        cal,
        { id: t.id, event: 'result' },
        {
          version: t.version,
          inspectedOn,
          result: problem ? '发现问题已责令整改' : '未发现问题',
          problems: problem ? '雨污管道混接，已责令限期整改' : null,
        },
      );
      const publishedOn = cal.current.addWorkdays(inspectedOn, 3 + Math.floor(rnd() * 10));
      await applyTaskEvent(c, cal, { id: t.id, event: 'publish' }, { version: r.version, publishedOn });
      tasks++;
    }
  }
  ctx.log(`双随机、一公开：${plans.length} 个抽查计划已抽取，${tasks} 户次检查结果已公示`);

  // 行政检查 2022: the squad's annual plan (专项 inspections of drainage users, cap 2 a year), then the
  // 专项, 投诉举报, 上级交办 and 回访 inspections by two officers of the squad certified on the day.
  const officers = (await listEnforcementOfficers(ctx.db, c.actor)).filter((o) => o.org_id === orgId && o.cert_no);
  const drainers = ids.ents.filter((e) => e.kind === '排水户');
  const annual = await createAnnualPlan(c, { year: 2022, title: '水政监察大队2022年度行政检查计划', entityCap: 2 });
  const special = drainers.slice(40, 52);
  const months = special.map((_, i) => 7 + (i % 6));
  await addAnnualEntries(c, annual.id, { entries: special.map((e, i) => ({ entityId: e.id, kind: '专项', month: months[i]!, note: '汛期排水专项检查' })) });
  const two = () => {
    const a = Math.floor(rnd() * officers.length);
    const b = (a + 1 + Math.floor(rnd() * (officers.length - 1))) % officers.length;
    return [officers[a]!.id, officers[b]!.id];
  };
  const dayIn = (month: number) => cal.current.addWorkdays(`2022-${String(month).padStart(2, '0')}-01`, Math.floor(rnd() * 15));
  const item = ids.items[0]!.id;
  let made = 0;
  const register = async (x: { entityId: string; kind: string; on: string; problem: boolean; reason?: string }) => {
    const { row } = await registerRecord(
      c,
      { calendar: cal },
      {
        inspectedOn: x.on,
        kind: x.kind,
        entityId: x.entityId,
        itemId: item,
        officerIds: two(),
        offPlanReason: x.reason ?? null,
        findings: x.problem ? pick(['雨污管道混接，污水排入雨水管网', '未按排水许可证要求设置预处理设施', '隔油池未定期清掏']) : '现场检查未发现违法行为',
        followUp: x.problem ? '责令整改' : '无问题',
        rectifyDueOn: x.problem ? cal.current.addWorkdays(x.on, 15) : null,
      },
    );
    made++;
    if (x.problem && rnd() < 0.75)
      await applyRecordEvent(
        c,
        { calendar: cal },
        { id: row.id, event: 'rectified' },
        { version: row.version, rectifiedOn: cal.current.addWorkdays(x.on, 10), note: '复查已整改到位' },
      );
    return row;
  };
  for (const [i, e] of special.entries()) await register({ entityId: e.id, kind: '专项', on: dayIn(months[i]!), problem: rnd() < 0.3 });
  const complaints = drainers.slice(52, 58);
  for (const e of complaints)
    await register({ entityId: e.id, kind: '投诉举报', on: dayIn(8 + Math.floor(rnd() * 4)), problem: rnd() < 0.5, reason: '群众投诉举报（12345热线转办）' });
  for (const e of drainers.slice(58, 60))
    await register({ entityId: e.id, kind: '上级交办', on: dayIn(10), problem: false, reason: '区政府交办的排水专项督查' });
  // 回访 of two inspected in the 专项 campaign; the third inspection of one of them passes the yearly cap of 2.
  await register({ entityId: special[0]!.id, kind: '回访', on: dayIn(11), problem: false, reason: '整改情况回访' });
  await register({ entityId: special[1]!.id, kind: '回访', on: dayIn(11), problem: false, reason: '整改情况回访' });
  await register({ entityId: special[0]!.id, kind: '投诉举报', on: dayIn(12), problem: false, reason: '群众投诉举报（12345热线转办）' });
  ctx.log(`行政检查：2022年度检查计划 ${special.length} 项，登记检查记录 ${made} 条（另有“双随机”抽查结果 ${tasks} 条）`);
}
