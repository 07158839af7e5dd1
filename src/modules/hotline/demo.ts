/**
 * The demo bureau's 12345 orders: the 981 orders closed in 2022 that the annual
 * report counts (all on time, all replied, 85.7 % satisfied), and January–March
 * 2023 (a few late, a few still open) for year-over-year views.
 */
import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/index.js';
import { orgsByName } from '../../core/orgs.js';
import { demoKit, exactMix, loadItems, type LoadedItem } from '../demands/index.js';
import { hotlineKind } from './kind.js';
import { timeLimitOf, type HotlineType } from './rules.js';
import { userByUsername } from './repository.js';
import { setDistrictAverage } from './commands.js';

const UNITS = [
  ['排水管理科', 50],
  ['河湖管理科', 20],
  ['水政监察大队', 15],
  ['工程建设管理科', 10],
  ['办公室', 5],
] as const;

const TYPES: ReadonlyArray<readonly [HotlineType, number]> = [
  ['投诉', 45],
  ['求助', 25],
  ['咨询', 15],
  ['举报', 8],
  ['建议', 7],
];

const SUBJECTS: Record<HotlineType, string[]> = {
  投诉: ['路面积水严重，影响通行', '雨水井盖缺失', '排水管道堵塞返臭', '工地黄泥水排入市政管网', '河涌有异味', '施工围蔽占用排水设施'],
  求助: ['小区地下车库水浸求助', '排水管网疏通求助', '内涝点抽排求助', '化粪池满溢求助'],
  咨询: ['排水许可办理流程咨询', '河道管理范围咨询', '防汛物资申领咨询', '临时占用水域审批咨询'],
  举报: ['举报偷排污水入河涌', '举报违法占用河道搭建', '举报私自接驳雨污管网'],
  建议: ['建议增设雨水篦子', '建议加快河涌堤岸修复', '建议公示水浸点整治进度'],
  其他: ['其他涉水事项'],
};

/** Loads the demo's hotline orders (bulk insert, one audited batch per year). */
export async function loadHotlineDemo(ctx: DemoContext): Promise<void> {
  const k = demoKit(ctx.random);
  const cal = ctx.sys.calendar.current;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const clerk = await userByUsername(ctx.db, ctx.tenantId, 'clerk');
  const unitIds = UNITS.map(([n, w]) => [orgs.get(n)!.id, w] as const);

  function order(seq: number, receivedOn: string, opts: { closeBy?: string; late?: boolean; open?: boolean; satisfaction?: string | null }): LoadedItem {
    const type = k.weighted(TYPES);
    const fromPlatform = type === '投诉' && ctx.random() < 0.3;
    const limit = timeLimitOf(type, fromPlatform ? 5 : null);
    const orgId = k.weighted(unitIds);
    const receivedAt = k.at(receivedOn, 0, 24);
    const signOn = cal.addWorkdays(receivedOn, 1);
    const subject = k.pick(SUBJECTS[type]);
    const base: LoadedItem = {
      refNo: `GZ12345${receivedOn.replace(/-/g, '')}${String(seq).padStart(4, '0')}`,
      orgId,
      assigneeId: clerk && orgId === clerk.org_id ? clerk.id : null,
      receivedAt,
      demandType: type,
      title: subject,
      content: `市民反映：${k.road()}附近${subject}，请尽快处理。`,
      personName: k.name(),
      personPhone: k.phone(),
      location: k.place(),
      timeLimit: fromPlatform ? 5 : null,
      firstDoneAt: k.at(signOn, 9, 12),
    };
    if (opts.open) return base;
    let days = opts.late ? limit + k.int(1, 3) : k.int(1, Math.max(1, Math.ceil(limit * 0.8)));
    let closeOn = cal.addWorkdays(receivedOn, days);
    while (opts.closeBy && closeOn > opts.closeBy && days > 1) closeOn = cal.addWorkdays(receivedOn, --days);
    const closedAt = k.at(closeOn, 14, 18);
    return {
      ...base,
      repliedAt: new Date(closedAt.getTime() - k.int(30, 240) * 60_000),
      reply: '已安排现场处置并电话回复诉求人。',
      closedAt,
      satisfaction: opts.satisfaction ?? null,
    };
  }

  // 2022: 981 closed orders; of 951 rated, 815 satisfied (满意 652 + 基本满意 163) → 85.70 %.
  const sat2022 = exactMix(ctx.random, [
    ['满意', 652],
    ['基本满意', 163],
    ['不满意', 136],
    ['未评价', 30],
  ] as const);
  const orders2022: LoadedItem[] = [];
  for (let i = 0; i < 981; i++) {
    const receivedOn = addDays('2022-01-01', k.int(0, 347)); // up to 14 Dec
    orders2022.push(order(i + 1, receivedOn, { closeBy: '2022-12-30', satisfaction: sat2022[i]! }));
  }
  // 2023 (January–March): 246 closed, 6 of them late; 4 still open.
  const orders2023: LoadedItem[] = [];
  for (let i = 0; i < 250; i++) {
    const receivedOn = addDays('2023-01-03', k.int(0, 75));
    orders2023.push(
      order(i + 1, receivedOn, {
        late: i < 6,
        closeBy: '2023-03-31',
        satisfaction: k.weighted([
          ['满意', 70],
          ['基本满意', 14],
          ['不满意', 12],
          ['未评价', 4],
        ] as const),
      }),
    );
  }
  for (let i = 0; i < 4; i++) orders2023.push(order(900 + i, addDays('2023-03-20', i * 2), { open: true }));

  await write(ctx, async (w) => {
    await loadItems(ctx.sys, w, hotlineKind, { items: orders2022, via: '演示数据' });
    await loadItems(ctx.sys, w, hotlineKind, { items: orders2023, via: '演示数据' });
  });
  await setDistrictAverage(ctx, 2022, 5.86, '区政务服务数据管理局通报（演示数据）');
  ctx.log(`12345热线：${orders2022.length + orders2023.length} 张工单（2022年办结 981 张）`);
}
