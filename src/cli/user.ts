import readline from 'node:readline';
import type { Command } from 'commander';
import type { System } from '../core/system.js';
import { AppError } from '../core/errors.js';
import { listTenants, createTenant } from '../core/tenant.js';
import { systemActor } from '../core/context.js';
import { createUser } from '../core/auth/users.js';
import { orgsByName } from '../core/orgs.js';

/** Reads a password from the terminal without echo (or from stdin when piped). */
async function promptPassword(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
  if (process.stdin.isTTY) out._writeToOutput = (s: string) => out.output.write(s.includes(question) ? s : '');
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return answer;
}

/**
 * `fazhi user add`: creates a user. On an empty database it first creates the
 * bureau (`--bureau`), so the first administrator can be made without demo data.
 * The password comes from --password, FAZHI_PASSWORD or a prompt; it must be
 * changed at first login.
 */
export function addUserCommand(program: Command, withSystem: <T>(fn: (sys: System) => Promise<T>) => Promise<T>) {
  const user = program.command('user').description('用户');
  user
    .command('add')
    .description('新建用户；空数据库时同时创建本局（--bureau）')
    .requiredOption('-u, --username <name>', '用户名')
    .requiredOption('-n, --name <name>', '姓名')
    .option('-r, --role <roles>', '角色，逗号分隔（admin,leader,legal,enforcement,licensing,clerk,flood,street,advisor,viewer）', 'admin')
    .option('--org <name>', '所属单位名称（默认本局）')
    .option('--bureau <name>', '空数据库时创建的局名称，如“广州市天河区水务局”')
    .option('--division-code <code>', '空数据库时局的行政区划代码')
    .option('--password <pw>', '初始密码（也可用环境变量 FAZHI_PASSWORD，或交互输入）')
    .action((o: { username: string; name: string; role: string; org?: string; bureau?: string; divisionCode?: string; password?: string }) =>
      withSystem(async (sys) => {
        let tenants = await listTenants(sys.db);
        if (!tenants.length) {
          if (!o.bureau) throw new AppError('VALIDATION', '数据库为空：请用 --bureau 指定本局名称以创建本局', 1, { field: 'bureau' });
          await createTenant(sys.db, { name: o.bureau, divisionCode: o.divisionCode ?? null });
          tenants = await listTenants(sys.db);
        }
        if (tenants.length > 1) throw new AppError('MANY_TENANTS', '数据库中有多个局，暂不支持用命令行指定', 1);
        const tenant = tenants[0]!;
        const orgs = await orgsByName(sys.db, tenant.id);
        const org = o.org ? orgs.get(o.org) : [...orgs.values()].find((x) => x.kind === 'bureau');
        if (!org) throw new AppError('VALIDATION', `找不到单位“${o.org}”`, 1, { field: 'org' });
        const password = o.password ?? process.env.FAZHI_PASSWORD ?? (await promptPassword('初始密码：'));
        const u = await createUser(sys.ctx(systemActor(tenant.id, '命令行')), {
          username: o.username,
          displayName: o.name,
          orgId: org.id,
          roles: o.role
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          password,
          mustChangePassword: true,
        });
        console.log(`已创建用户 ${u.username}（${u.displayName}，${org.name}，角色 ${u.roles.join('、')}）；首次登录须修改密码`);
      }),
    );
}
