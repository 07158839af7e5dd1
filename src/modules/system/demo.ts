import type { DemoContext } from '../../core/demo.js';
import { createOrg, orgsByName } from '../../core/orgs.js';
import { createUser } from '../../core/auth/users.js';
import type { RoleKey } from '../../core/auth/roles.js';
import { usccCheckChar } from '../../core/ledger/validators.js';

/** 天河区's 21 street offices (public administrative data; seed/README.md). */
export const TIANHE_STREETS = [
  '五山',
  '员村',
  '车陂',
  '沙河',
  '石牌',
  '沙东',
  '天河南',
  '林和',
  '兴华',
  '棠下',
  '天园',
  '猎德',
  '冼村',
  '元岗',
  '黄村',
  '龙洞',
  '长兴',
  '凤凰',
  '前进',
  '珠吉',
  '新塘',
] as const;

/** The bureau's departments in the demo (synthetic but typical of a district water bureau). */
export const DEMO_DEPARTMENTS = [
  '办公室',
  '依法行政办公室',
  '水政监察大队',
  '行政审批科',
  '河湖管理科',
  '排水管理科',
  '水旱灾害防御科',
  '工程建设管理科',
] as const;

/** Every demo account shares this password (demo mode only). */
export const DEMO_PASSWORD = 'Fazhi@2022';

/** Demo accounts: one per role; two street accounts to show the data scope. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; name: string; org: string; roles: RoleKey[] }> = [
  { username: 'admin', name: '系统管理员', org: '办公室', roles: ['admin'] },
  { username: 'leader', name: '李局长', org: '广州市天河区水务局', roles: ['leader'] },
  { username: 'legal', name: '陈法制', org: '依法行政办公室', roles: ['legal'] },
  { username: 'enforcer', name: '张执法', org: '水政监察大队', roles: ['enforcement'] },
  { username: 'licensing', name: '王审批', org: '行政审批科', roles: ['licensing'] },
  { username: 'clerk', name: '刘文书', org: '办公室', roles: ['clerk'] },
  { username: 'flood', name: '赵防汛', org: '水旱灾害防御科', roles: ['flood'] },
  { username: 'wushan', name: '周五山', org: '五山街道', roles: ['street'] },
  { username: 'yuancun', name: '吴员村', org: '员村街道', roles: ['street'] },
  { username: 'advisor', name: '郑律师', org: '依法行政办公室', roles: ['advisor'] },
  { username: 'viewer', name: '孙查阅', org: '办公室', roles: ['viewer'] },
];

/** A synthetic but check-digit-valid 统一社会信用代码 for a government organ (登记管理部门 1, 机关 1). */
export function demoUscc(n: number): string {
  const body = `11440106${String(7508000 + n).padStart(9, '0')}`.slice(0, 17);
  return body + usccCheckChar(body);
}

/** Loads the bureau's departments, its 21 streets and the demo accounts. */
export async function loadSystemDemo(ctx: DemoContext): Promise<void> {
  const c = ctx;
  const bureau = [...(await orgsByName(ctx.db, ctx.tenantId)).values()].find((o) => o.kind === 'bureau')!;
  let sort = 1;
  for (const name of DEMO_DEPARTMENTS) {
    await createOrg(c, { name, kind: 'department', parentId: bureau.id, sort: sort++, uscc: null });
  }
  for (const [i, s] of TIANHE_STREETS.entries()) {
    await createOrg(c, {
      name: `${s}街道`,
      kind: 'street',
      parentId: bureau.id,
      sort: 100 + i,
      uscc: demoUscc(100 + i),
      divisionCode: `440106${String(i + 1).padStart(3, '0')}`,
    });
  }
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  for (const a of DEMO_ACCOUNTS) {
    await createUser(
      c,
      { username: a.username, displayName: a.name, orgId: orgs.get(a.org)!.id, roles: a.roles, password: DEMO_PASSWORD, mustChangePassword: false },
      { demoAccount: true },
    );
  }
  ctx.log(`系统管理：${DEMO_DEPARTMENTS.length} 个科室、${TIANHE_STREETS.length} 个街道、${DEMO_ACCOUNTS.length} 个演示账号`);
}
