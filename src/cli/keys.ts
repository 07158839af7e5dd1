import type { Command } from 'commander';
import type { System } from '../core/system.js';
import { rotatePiiKey } from '../core/crypto/columns.js';

/** `fazhi keys`: the keys kept outside the data folder (personal-identifier key, audit checkpoint key). */
export function addKeysCommand(program: Command, withSystem: <T>(fn: (sys: System) => Promise<T>) => Promise<T>) {
  const keys = program.command('keys').description('密钥（个人信息加密密钥、审计检查点密钥）');
  keys
    .command('rotate-pii')
    .description('更换个人信息加密密钥：用新的随机密钥重新加密全部身份证号、电话并重建检索索引（一个事务内完成；请先停止所有服务进程）')
    .action(() =>
      withSystem(async (sys) => {
        const started = Date.now();
        const r = await rotatePiiKey(
          sys.db,
          sys.registry.modules.flatMap((m) => m.pii ?? []),
          sys.keys.pii,
        );
        for (const c of r.columns) console.log(`  ${c.table}.${c.column}：重新加密 ${c.values} 个值`);
        console.log(`已更换个人信息加密密钥（${((Date.now() - started) / 1000).toFixed(1)} 秒）：新密钥 ${r.keyFile}`);
        if (r.retired) {
          console.log(`旧密钥保存为 ${r.retired}：更换前所做的数据库备份只能用它解密，审计日志中更换前记录的密文也要用它。待这些备份都已销毁后再删除它。`);
        }
        console.log('请立即把新密钥与数据库备份分开备份。');
      }),
    );
}
