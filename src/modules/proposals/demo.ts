/** The demo's suggestions and proposals: 2022 — 12 NPC suggestions (8 lead, 4 co) and 4 CPPCC proposals (2/2), all answered in time. */
import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { orgsByName } from '../../core/orgs.js';
import { demoKit, loadItems, type LoadedItem } from '../demands/index.js';
import { proposalKind } from './kind.js';
import { TOPICS } from './rules.js';
import { userIdByUsername } from './repository.js';

export async function loadProposalsDemo(ctx: DemoContext): Promise<void> {
  const k = demoKit(ctx.random);
  const cal = ctx.sys.calendar.current;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const office = orgs.get('办公室')!.id;
  const clerk = await userIdByUsername(ctx.db, ctx.tenantId, 'clerk');
  const items: LoadedItem[] = [];
  const add = (no: { year: number; category: '人大代表建议' | '政协提案'; role: '主办' | '协办'; seq: number }, assignedOn: string, replied: boolean) => {
    const { year, category, role, seq } = no;
    const topic = k.pick(TOPICS);
    const due = cal.addMonths(assignedOn, 3);
    const repliedOn = cal.addWorkdays(assignedOn, k.int(25, 55));
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
    const at = k.at(repliedOn > due ? due : repliedOn);
    items.push({
      refNo: `${category === '政协提案' ? '区政协' : '区人大'}〔${year}〕第${seq}号`,
      orgId: office,
      assigneeId: clerk,
      receivedAt: k.at(assignedOn),
      demandType: category,
      channel: role,
      title: `关于加快${k.road()}片区${topic}的${category === '政协提案' ? '提案' : '建议'}`,
      personName: `${k.name()}${category === '政协提案' ? '委员' : '代表'}`,
      attrs: { topics: [topic], difficult: false },
      ...(replied
        ? {
            repliedAt: at,
            reply: `我局高度重视，已将相关工作纳入年度计划并组织实施。`,
            result: k.weighted([
              ['A', 6],
              ['B', 3],
              ['C', 1],
            ] as const),
            closedAt: at,
            satisfaction: k.weighted([
              ['满意', 9],
              ['基本满意', 1],
            ] as const),
          }
        : {}),
    });
  };
  const roles = (lead: number, co: number) => [...Array(lead).fill('主办'), ...Array(co).fill('协办')] as Array<'主办' | '协办'>;
  roles(8, 4).forEach((role, i) => {
    add({ year: 2022, category: '人大代表建议', role, seq: 10 + i }, k.pick(['2022-03-15', '2022-03-22', '2022-04-08']), true);
  });
  roles(2, 2).forEach((role, i) => {
    add({ year: 2022, category: '政协提案', role, seq: 40 + i }, k.pick(['2022-03-18', '2022-04-01']), true);
  });
  roles(3, 2).forEach((role, i) => {
    add({ year: 2023, category: '人大代表建议', role, seq: 5 + i }, '2023-03-14', i < 3);
  });
  await write(ctx, (w) => loadItems(ctx.sys, w, proposalKind, { items, via: '演示数据' }));
  ctx.log(`建议提案：${items.length} 件（2022年人大建议 12 件、政协提案 4 件）`);
}
