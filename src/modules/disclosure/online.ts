/**
 * 网络申请 — a disclosure request submitted online on the State Council template's fields
 * (政府信息公开申请表): the applicant (自然人: 姓名, 证件类型/号码, 联系电话, 通信地址, 邮编, 电子邮箱;
 * 法人或其他组织: 名称, 统一社会信用代码, 法定代表人, 联系人, 联系电话 …), 所需信息的内容描述, 用途
 * (optional), 提供载体形式 and 获取方式. It enters the clerk's queue through the kind's intake with
 * channel 网络 — the same rules and the 20-working-day clock as a request made at the desk
 * (第三十三条). 第二十九条: the application states the applicant's name and identity, contact, a
 * description of the information, and the form in which it is wanted.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { OptText } from '../../core/schemas.js';
import { bizDate, bureauOf, officialDocx, onlineRoutes, type FieldError, type ItemRow, type OnlineApplicant, type OnlineKind } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { disclosureOnlineStore } from './repository.js';
import { APPLICANT_TYPES } from './rules.js';

/** An organisation's 申请人类型 in the requests table (the annual report's columns). */
export const ORG_TYPES = APPLICANT_TYPES.filter((t) => t !== '自然人');
/** 所需信息的指定提供载体形式 (the template's choices). */
export const MEDIA = ['纸面', '电子邮件', '光盘', '磁盘'] as const;
/** 获取信息的方式. */
export const DELIVERIES = ['邮寄', '快递', '电子邮件', '传真', '自行领取', '当场阅读、抄录'] as const;

/** The public form of a request. */
export interface DisclosureForm {
  applicant: OnlineApplicant;
  /** 法人或其他组织的类型 (商业企业 …): the annual report's column. */
  orgType?: string | null;
  description: string;
  purpose?: string | null;
  medium: string;
  delivery: string;
}

const txt = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');

/** Every problem of the request's own fields (the applicant is checked by the shared rules). Pure. */
export function disclosureFormProblems(f: DisclosureForm): FieldError[] {
  const errs: FieldError[] = [];
  if (f.applicant.kind === '法人或其他组织' && !(ORG_TYPES as readonly string[]).includes(txt(f.orgType)))
    errs.push({ field: 'orgType', message: `请选择组织类型（${ORG_TYPES.join('/')}）` });
  const d = txt(f.description);
  if (d.length < 5) errs.push({ field: 'description', message: '请描述所需政府信息的内容（名称、文号或便于查询的其他特征，至少5个字）' });
  else if (d.length > 2000) errs.push({ field: 'description', message: '内容描述过长（不超过2000字）' });
  if (txt(f.purpose).length > 500) errs.push({ field: 'purpose', message: '用途过长（不超过500字）' });
  if (!(MEDIA as readonly string[]).includes(txt(f.medium))) errs.push({ field: 'medium', message: `请选择提供载体形式（${MEDIA.join('/')}）` });
  const delivery = txt(f.delivery);
  if (!(DELIVERIES as readonly string[]).includes(delivery)) errs.push({ field: 'delivery', message: `请选择获取方式（${DELIVERIES.join('/')}）` });
  if (delivery === '电子邮件' && !txt(f.applicant.email)) errs.push({ field: 'applicant.email', message: '获取方式为电子邮件时，请填写电子邮箱' });
  if ((delivery === '邮寄' || delivery === '快递') && !txt(f.applicant.address))
    errs.push({ field: 'applicant.address', message: '获取方式为邮寄或快递时，请填写通信地址' });
  return errs;
}

/** The disclosure kind's online intake. */
export const disclosureOnline: OnlineKind<DisclosureForm> = {
  def: disclosureKind,
  prefix: 'GK',
  refPrefix: '网申',
  actorName: '网上申请',
  store: disclosureOnlineStore,
  needAddress: false,
  choices: { orgType: ORG_TYPES, medium: MEDIA, delivery: DELIVERIES },
  check: disclosureFormProblems,
  applicant: (f) => f.applicant,
  toIntake: (f) => {
    const d = txt(f.description);
    return {
      title: `申请公开：${d.length > 40 ? `${d.slice(0, 40)}…` : d}`,
      content: d,
      demandType: f.applicant.kind === '自然人' ? '自然人' : txt(f.orgType),
      attrs: { online: { medium: txt(f.medium), delivery: txt(f.delivery), purpose: txt(f.purpose) || null } },
    };
  },
};

/** 政府信息公开申请答复书 — the reply as a document the applicant downloads. */
export async function disclosureReplyDocx(ctx: Ctx, r: ItemRow): Promise<{ data: Buffer; filename: string }> {
  const bureau = await bureauOf(ctx.db, ctx.actor.tenantId);
  const data = await officialDocx({
    title: '政府信息公开申请答复书',
    addressee: r.person_name ?? '申请人',
    blocks: [
      {
        kind: 'para',
        text: `本机关于${bizDate(r.received_at)}收到你（单位）通过${r.channel ?? '网络'}方式提出的政府信息公开申请（申请编号：${r.ref_no}），申请获取：${r.content || r.title}。现答复如下：`,
      },
      { kind: 'para', text: r.reply ?? '' },
      ...(r.result ? [{ kind: 'para' as const, text: `处理结果：${r.result}。` }] : []),
      {
        kind: 'para',
        text: '如认为本答复侵犯你（单位）的合法权益，可以依法申请行政复议或者提起行政诉讼（《政府信息公开条例》第五十一条）。',
      },
    ],
    issuer: bureau.name,
    date: bizDate(r.replied_at)!,
  });
  return { data, filename: `政府信息公开申请答复书-${r.ref_no}.docx` };
}

const Text = (max: number) => Type.String({ maxLength: max });

/** `/api/public/disclosure/*` (form, submit, status, document) and the staff's view of the applicant. */
export const disclosureOnlineRoutes = onlineRoutes(disclosureOnline, {
  fields: { orgType: OptText(20), description: Text(4000), purpose: OptText(1000), medium: Text(20), delivery: Text(20) },
  document: disclosureReplyDocx,
});
