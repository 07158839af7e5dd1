/**
 * 网上信访 — a petition submitted online (信访工作条例第十七条：通过信息网络提出; 第十八条：
 * 机关公布网络信访渠道): the petitioner's name (名称), identity, address and phone, the request,
 * the facts and the reasons. It enters the queue through the kind's intake with the form
 * 网上信访 — the same rules as any petition: whether it is accepted is told within 15 days
 * (第二十二条), a handling opinion within 60 days of acceptance (第三十四条).
 */
import { Type } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { OptText } from '../../core/schemas.js';
import { onlineRoutes, type FieldError, type ItemRow, type OnlineApplicant, type OnlineKind } from '../demands/index.js';
import { petitionKind } from './kind.js';
import { petitionsOnlineStore } from './repository.js';
import { opinionDocx } from './commands.js';

/** The public form of a petition. */
export interface PetitionForm {
  applicant: OnlineApplicant;
  /** 信访事项 (a short title). */
  title: string;
  /** 请求. */
  request: string;
  /** 事实和理由. */
  facts: string;
  /** 事发地点 (optional). */
  location?: string | null;
}

const txt = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');

/** Every problem of the petition's own fields (the petitioner is checked by the shared rules). Pure. */
export function petitionFormProblems(f: PetitionForm): FieldError[] {
  const errs: FieldError[] = [];
  const title = txt(f.title);
  if (title.length < 4) errs.push({ field: 'title', message: '请用一句话概括信访事项（至少4个字）' });
  else if (title.length > 100) errs.push({ field: 'title', message: '信访事项过长（不超过100字）' });
  const request = txt(f.request);
  if (request.length < 5) errs.push({ field: 'request', message: '请写明信访请求（至少5个字）' });
  else if (request.length > 2000) errs.push({ field: 'request', message: '信访请求过长（不超过2000字）' });
  const facts = txt(f.facts);
  if (facts.length < 10) errs.push({ field: 'facts', message: '请写明事实和理由（至少10个字）' });
  else if (facts.length > 5000) errs.push({ field: 'facts', message: '事实和理由过长（不超过5000字）' });
  if (txt(f.location).length > 200) errs.push({ field: 'location', message: '事发地点过长（不超过200字）' });
  return errs;
}

/** The petition kind's online intake (住址 required: 信访人应当载明其姓名（名称）、住址). */
export const petitionOnline: OnlineKind<PetitionForm> = {
  def: petitionKind,
  prefix: 'XF',
  refPrefix: '网信',
  actorName: '网上信访',
  store: petitionsOnlineStore,
  needAddress: true,
  choices: {},
  check: petitionFormProblems,
  applicant: (f) => f.applicant,
  toIntake: (f) => ({
    title: txt(f.title),
    content: `信访请求：${txt(f.request)}\n事实和理由：${txt(f.facts)}`,
    demandType: null,
    location: txt(f.location) || null,
    attrs: { online: true },
  }),
};

const Text = (max: number) => Type.String({ maxLength: max });

/** `/api/public/petitions/*` (form, submit, status, the handling opinion) and the staff's view of the petitioner. */
export const petitionOnlineRoutes = onlineRoutes(petitionOnline, {
  fields: { title: Text(200), request: Text(4000), facts: Text(10000), location: OptText(400) },
  document: (ctx: Ctx, r: ItemRow) => opinionDocx(ctx, r.id),
});
