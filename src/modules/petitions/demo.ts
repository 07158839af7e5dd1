/** The demo's petitions: 77 closed in 2022 (59 system-transferred, 18 visits, no repeat/over-level/group), and early 2023. */
import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/index.js';
import { orgsByName } from '../../core/orgs.js';
import { demoKit, exactMix, loadItems, type LoadedItem } from '../demands/index.js';
import { petitionKind } from './kind.js';
import { userIdByUsername } from './repository.js';

const CATEGORIES = ['排水设施', '河涌整治', '工地施工', '水浸内涝', '征地拆迁补偿', '违法建设', '供水管理'];

export async function loadPetitionsDemo(ctx: DemoContext): Promise<void> {
  const k = demoKit(ctx.random);
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const office = orgs.get('办公室')!.id;
  const clerk = await userIdByUsername(ctx.db, ctx.tenantId, 'clerk');

  function petition(no: { seq: number; year: number }, registeredOn: string, form: string, opts: { open?: boolean; closeBy: string }): LoadedItem {
    const { seq, year } = no;
    const category = k.pick(CATEGORIES);
    const acceptedOn = addDays(registeredOn, k.int(1, 10));
    let closedOn = addDays(acceptedOn, k.int(10, 55));
    if (closedOn > opts.closeBy) closedOn = opts.closeBy;
    const base: LoadedItem = {
      refNo: `TH-XF-${year}-${String(seq).padStart(4, '0')}`,
      orgId: office,
      assigneeId: clerk,
      receivedAt: k.at(registeredOn),
      channel: form,
      demandType: category,
      title: `反映${category}问题`,
      content: `信访人反映${k.road()}一带${category}问题，要求处理。`,
      personName: k.name(),
      personPhone: k.phone(),
      firstDoneAt: k.at(acceptedOn),
      clockStart: acceptedOn,
      attrs: { repeat: false, overLevel: false, group: false },
    };
    if (opts.open) return base;
    const at = k.at(closedOn, 9, 17);
    return {
      ...base,
      repliedAt: at,
      reply: '经调查核实，已责成相关单位处理并书面答复信访人。',
      result: k.weighted([
        ['支持', 5],
        ['部分支持', 3],
        ['不支持', 2],
      ] as const),
      closedAt: at,
      satisfaction: k.weighted([
        ['满意', 8],
        ['基本满意', 2],
      ] as const),
    };
  }

  const forms2022 = exactMix(ctx.random, [
    ['系统转办', 59],
    ['来访', 18],
  ] as const);
  const items: LoadedItem[] = [];
  forms2022.forEach((form, i) => {
    items.push(petition({ seq: i + 1, year: 2022 }, addDays('2022-01-04', k.int(0, 300)), form, { closeBy: '2022-12-30' }));
  });
  for (let i = 0; i < 14; i++)
    items.push(
      petition(
        { seq: i + 1, year: 2023 },
        addDays('2023-01-03', k.int(0, 40)),
        k.weighted([
          ['系统转办', 6],
          ['来访', 2],
          ['网上信访', 1],
          ['来信', 1],
        ] as const),
        { closeBy: '2023-04-28' },
      ),
    );
  items.push(petition({ seq: 90, year: 2023 }, '2023-03-27', '网上信访', { open: true, closeBy: '2023-12-31' }));
  await write(ctx, (w) => loadItems(ctx.sys, w, petitionKind, { items, via: '演示数据' }));
  ctx.log(`信访：${items.length} 件（2022年办结 77 件）`);
}
