import type { System } from '../core/system.js';
import { systemActor, type Ctx } from '../core/context.js';
import { createTenant } from '../core/tenant.js';
import { AppError } from '../core/errors.js';
import { readTable } from '../core/ledger/files.js';
import { parseLedger, formatLedgerErrors } from '../core/ledger/parse.js';
import { orgsSpec } from '../modules/system/orgsLedger.js';

/**
 * Importing the `orgs` ledger into an empty database: the one row of type 局 with
 * no 上级单位 is the bureau, and becomes the tenant (LEDGERS.md). The rest of the
 * file is then imported as usual.
 */
export async function firstImportTenant(sys: System, data: Buffer, filename: string): Promise<Ctx> {
  const parsed = parseLedger(orgsSpec, await readTable(data, filename));
  if (parsed.errors.length) throw new AppError('VALIDATION', `导入失败，未写入任何数据：\n${formatLedgerErrors(parsed.errors).join('\n')}`, 1);
  const tops = parsed.rows.filter((r) => r.value.kind === '局' && !r.value.parent);
  if (tops.length !== 1)
    throw new AppError('VALIDATION', `空数据库首次导入单位台账时，须有且仅有一行“单位类型=局”且无上级单位（本局），实际 ${tops.length} 行`, 1, {
      field: '单位类型',
    });
  const top = tops[0]!.value;
  const { tenantId } = await createTenant(sys.db, { name: top.name, divisionCode: top.divisionCode ?? null, uscc: top.uscc ?? null });
  return sys.ctx(systemActor(tenantId, '命令行'));
}
