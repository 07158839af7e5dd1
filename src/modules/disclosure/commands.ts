import crypto from 'node:crypto';
import { write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import type { Actor, Ctx } from '../../core/context.js';
import { insertMany } from '../../core/db/bulk.js';
import type { WriteOrigin } from '../../core/ledger/ledger.js';
import { errors } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { updateVersioned } from '../../core/versioned.js';
import { bureauOrgId, ownerOrgForCreate } from '../../core/scope.js';
import { isIsoDate } from '../../core/calendar/index.js';
import { updateAttrs } from '../demands/index.js';
import { disclosureKind as def } from './kind.js';
import { REMEDY_KINDS, REMEDY_RESULTS, type Remedy } from './rules.js';
import { proactiveByTitles, reportTextOf, upsertReportText } from './repository.js';
import { REPORT_SECTIONS } from './report.js';

/** Records a 行政复议 or 行政诉讼 against a reply (or updates its result). Audit: `disclosure.request.remedy_recorded`. */
export async function recordRemedy(ctx: Ctx, id: string, input: Remedy): Promise<void> {
  if (!(REMEDY_KINDS as readonly string[]).includes(input.kind)) throw errors.validation('kind', `类别应为：${REMEDY_KINDS.join('、')}`);
  if (!(REMEDY_RESULTS as readonly string[]).includes(input.result)) throw errors.validation('result', `结果应为：${REMEDY_RESULTS.join('、')}`);
  if (!isIsoDate(input.filedOn)) throw errors.validation('filedOn', `日期无效：${input.filedOn}`);
  if (!isUuid(id)) throw errors.notFound(def.label);
  await write(ctx, async (w) => {
    // The remedies are read from the locked row: two recorded at once are both kept.
    await updateAttrs(w, def, id, {
      check: (r) => {
        if (!r.replied_at) throw errors.gate('NOT_REPLIED', '尚未答复的申请不能登记复议或诉讼');
      },
      next: (attrs) => {
        const list = ((attrs.remedies ?? []) as Remedy[]).filter((x) => !(x.kind === input.kind && x.filedOn === input.filedOn));
        return { ...attrs, remedies: [...list, input] };
      },
      // The event as before: no field diff, the remedy in the note.
      audit: { action: 'remedy_recorded', note: { ...input } },
    });
  });
}

/** A proactive disclosure (主动公开) as a record. */
export interface ProactiveInput {
  date: string;
  section: string;
  title: string;
  platform?: string | null;
  /** The ledger row it came from (imports). */
  row?: number;
}

/**
 * 主动公开 — the one write path of proactive disclosures: the form (one, live: a
 * record already there is a 409) and the ledger (many, historical: matched on
 * 日期 + 栏目 + 标题, the platform updated where it differs). Audit (live):
 * `disclosure.proactive.created`; imports record provenance instead.
 */
export async function saveProactive(
  w: WriteScope,
  actor: Actor,
  inputs: readonly ProactiveInput[],
  origin: WriteOrigin,
): Promise<Array<{ id: string; action: 'created' | 'updated' | 'unchanged' }>> {
  // The bureau discloses as the agency: its records are the bureau's, which the actor's scope must hold.
  const bureau = { id: await ownerOrgForCreate({ db: w.tx, actor }, await bureauOrgId(w.tx, actor.tenantId), '本局单位') };
  const keyOf = (d: string, s: string, ti: string) => `${d}|${s}|${ti}`;
  const titles = [...new Set(inputs.map((i) => i.title.trim()))];
  const existing = new Map((await proactiveByTitles(w.tx, actor.tenantId, titles)).map((r) => [keyOf(r.published_on, r.section, r.title), r]));
  const out: Array<{ id: string; action: 'created' | 'updated' | 'unchanged' }> = [];
  const fresh: Array<Record<string, unknown> & { id: string }> = [];
  const pendingById = new Map<string, Record<string, unknown>>();
  const audits: AuditInput[] = [];
  for (const input of inputs) {
    const v = { published_on: input.date, section: input.section.trim(), title: input.title.trim(), platform: input.platform?.trim() || null };
    const old = existing.get(keyOf(v.published_on, v.section, v.title));
    if (old) {
      if (origin.mode === 'live') throw errors.duplicate('title', '同一日期、栏目下已有相同标题的公开信息');
      if ((old.platform ?? null) === v.platform) {
        out.push({ id: old.id, action: 'unchanged' });
        continue;
      }
      let stored: Record<string, unknown> = old;
      const pending = pendingById.get(old.id);
      // A row created earlier in this batch is not stored yet: its insert takes the platform.
      if (pending) pending.platform = v.platform;
      else
        stored = (
          await updateVersioned(w, {
            table: 'disclosure_proactive',
            tenantId: actor.tenantId,
            id: old.id,
            version: undefined,
            label: '公开信息',
            ifUnchanged: 'write',
            patch: { platform: v.platform },
            audit: false,
          })
        ).old;
      origin.imp.trace({
        row: input.row ?? 0,
        entity: 'disclosure.proactive',
        entityId: old.id,
        action: 'updated',
        orgId: stored.org_id as string,
        values: { platform: v.platform },
        before: { platform: stored.platform, version: stored.version },
      });
      out.push({ id: old.id, action: 'updated' });
      continue;
    }
    const row = { id: crypto.randomUUID(), tenant_id: actor.tenantId, org_id: bureau.id, ...v };
    fresh.push(row);
    pendingById.set(row.id, row);
    existing.set(keyOf(v.published_on, v.section, v.title), { ...row, version: 1 } as never);
    out.push({ id: row.id, action: 'created' });
    if (origin.mode === 'historical')
      origin.imp.trace({ row: input.row ?? 0, entity: 'disclosure.proactive', entityId: row.id, action: 'created', orgId: bureau.id, values: v });
    else audits.push({ entity: 'disclosure.proactive', entityId: row.id, action: 'created', orgId: bureau.id, after: v });
  }
  await insertMany(w.tx, 'disclosure_proactive', fresh);
  if (audits.length) await w.auditMany(audits);
  return out;
}

/** 主动公开 — records one proactive disclosure (the form). Audit: `disclosure.proactive.created`. */
export async function addProactive(ctx: Ctx, input: { date: string; section: string; title: string; platform?: string | null }): Promise<string> {
  if (!isIsoDate(input.date)) throw errors.validation('date', `发布日期无效：${input.date}`);
  if (!input.section?.trim()) throw errors.validation('section', '栏目不能为空');
  if (!input.title?.trim()) throw errors.validation('title', '标题不能为空');
  return write(ctx, async (w) => (await saveProactive(w, ctx.actor, [input], { mode: 'live' }))[0]!.id);
}

/** The report's narrative paragraph of a year (总体情况 …). Audit: `disclosure.report_text.updated`. */
export async function setReportText(ctx: Ctx, year: number, section: string, body: string): Promise<void> {
  if (!(REPORT_SECTIONS as readonly string[]).includes(section)) throw errors.validation('section', `部分应为：${REPORT_SECTIONS.join('、')}`);
  if (!body?.trim()) throw errors.validation('body', '内容不能为空');
  await write(ctx, async (w) => {
    const before = await reportTextOf(w.tx, { tenantId: ctx.actor.tenantId, year, section });
    await upsertReportText(w.tx, { tenantId: ctx.actor.tenantId, year, section, body: body.trim() });
    await w.audit({
      entity: 'disclosure.report_text',
      entityId: `${year}:${section}`,
      action: 'updated',
      before: before ? { body: before.body } : null,
      after: { body: body.trim() },
    });
  });
}
