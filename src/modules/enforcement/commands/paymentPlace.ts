/**
 * 罚没款缴纳地点 — where the party pays a fine (bank, account name, account number), one per
 * bureau (tenant), printed in every decision with money (行政处罚法第五十九条第四项「行政处罚的履行方式和期限」,
 * 第六十七条「当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款」).
 * The kernel has no per-tenant settings, so the module keeps this one in its own table.
 */
import type { Ctx } from '../../../core/context.js';
import { write } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { updateVersioned } from '../../../core/versioned.js';
import { ownerOrgForCreate } from '../../../core/scope.js';
import { getPaymentPlace, insertPaymentPlace } from '../repository.js';

export interface PaymentPlaceInput {
  bank: string;
  accountName: string;
  accountNo: string;
  /** The stored record's version (none when it is configured for the first time). */
  version?: number | null;
}

type PaymentPlaceRow = NonNullable<Awaited<ReturnType<typeof getPaymentPlace>>>;

/** The payment place as the API answers it (null until configured). */
export function presentPaymentPlace(p: PaymentPlaceRow | undefined) {
  return p ? { bank: p.bank, accountName: p.account_name, accountNo: p.account_no, version: p.version } : null;
}

/** The bureau's payment place, or null. */
export async function paymentPlace(ctx: Pick<Ctx, 'db' | 'actor'>) {
  return presentPaymentPlace(await getPaymentPlace(ctx.db, ctx.actor.tenantId));
}

const FIELDS = [
  ['bank', '开户银行', 100],
  ['accountName', '户名', 100],
  ['accountNo', '账号', 40],
] as const;

/** Sets the payment place (first time: created; then a versioned edit, 409 on a stale version); audited. */
export async function savePaymentPlace(ctx: Ctx, input: PaymentPlaceInput) {
  const v: Record<(typeof FIELDS)[number][0], string> = { bank: '', accountName: '', accountNo: '' };
  for (const [field, label, max] of FIELDS) {
    const s = String(input[field] ?? '').trim();
    if (!s) throw errors.validation(field, `${label}不能为空`);
    if (s.length > max) throw errors.validation(field, `${label}不能超过${max}字`);
    v[field] = s;
  }
  if (!/^[0-9][0-9 -]*[0-9]$/.test(v.accountNo)) throw errors.validation('accountNo', '账号应为数字（可含空格或“-”）');
  const set = { bank: v.bank, account_name: v.accountName, account_no: v.accountNo };
  return write(ctx, async (w) => {
    const old = await getPaymentPlace(w.tx, ctx.actor.tenantId, true);
    if (!old) {
      const orgId = await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, null, '单位');
      const row = await insertPaymentPlace(w.tx, { tenant_id: ctx.actor.tenantId, org_id: orgId, ...set });
      await w.audit({ entity: 'enforcement.payment_place', entityId: row.id, action: 'created', orgId: row.org_id, after: set });
      return presentPaymentPlace(row)!;
    }
    if (input.version == null) throw errors.validation('version', '修改缴款地点须提供版本号（请刷新后重试）');
    const { row } = await updateVersioned(w, {
      table: 'enf_payment_place',
      tenantId: ctx.actor.tenantId,
      id: old.id,
      version: input.version,
      label: '罚没款缴纳地点',
      patch: set,
      audit: { entity: 'enforcement.payment_place', action: 'updated' },
    });
    return presentPaymentPlace(row as PaymentPlaceRow)!;
  });
}
