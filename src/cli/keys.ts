import type { Command } from 'commander';
import type { System } from '../core/system.js';
import { AppError } from '../core/errors.js';

/** `fazhi keys`: the keys kept outside the data folder (personal-identifier key, audit checkpoint key). */
export function addKeysCommand(program: Command, withSystem: <T>(fn: (sys: System) => Promise<T>) => Promise<T>) {
  const keys = program.command('keys').description('密钥（个人信息加密密钥、审计检查点密钥）');
  keys
    .command('rotate-pii')
    .description('更换个人信息加密密钥：用新密钥重新加密全部身份证号、电话并重建检索索引')
    .action(() =>
      withSystem(async () => {
        throw new AppError('NOT_IMPLEMENTED', '尚未实现', 1);
      }),
    );
}
