import type { Ctx } from '../../core/context.js';
import { write } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import type { Rounding } from './schema.js';
import { figureOption, insertNarrative, lastNarrative, upsertFigureOption } from './repository.js';
import { sectionKeys } from './template.js';

const SECTIONS = new Set(sectionKeys());
const ROUNDINGS: readonly Rounding[] = ['exact', 'yu10', 'yu100', 'yu1000', 'yu_over10', 'yu_over100'];

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.validation('year', `年度无效：${year}`);
}

/**
 * Saves a section's narrative as a new version (earlier versions are kept).
 * `baseVersion` is the version the editor started from: if someone saved in
 * between, the save is refused with 409 instead of overwriting their text.
 */
export async function saveNarrative(
  ctx: Ctx,
  input: { year: number; section: string; body: string; baseVersion: number | null },
): Promise<{ version: number }> {
  checkYear(input.year);
  if (!SECTIONS.has(input.section)) throw errors.validation('section', `未知的报告章节：${input.section}`);
  const body = (input.body ?? '').replace(/\r\n/g, '\n').trim();
  if (body.length > 20000) throw errors.validation('body', '正文过长（不超过20000字）');
  return write(ctx, async ({ tx, audit }) => {
    const key = { tenantId: ctx.actor.tenantId, report: 'rule-of-law', year: input.year, section: input.section };
    const last = await lastNarrative(tx, key);
    if ((last?.version ?? null) !== input.baseVersion) throw errors.conflict('该段落已被他人修改，请刷新后在最新版本上修改');
    if (last && last.body === body) return { version: last.version };
    const version = (last?.version ?? 0) + 1;
    await insertNarrative(tx, key, { version, body, authorId: ctx.actor.userId, author: ctx.actor.name });
    await audit({
      entity: 'reports.narrative',
      entityId: `rule-of-law:${input.year}:${input.section}`,
      action: 'saved',
      before: last ? { body: last.body } : null,
      after: { body },
      note: { version },
    });
    return { version };
  });
}

/**
 * Sets how a figure is stated in a year's report: rounded to 余/逾, whether the
 * change on last year is stated, and (for a metric family's member, e.g. one
 * monitoring section) whether its sentence is written into the report at all.
 */
export async function setFigureOption(
  ctx: Ctx,
  input: { year: number; metric: string; rounding: Rounding; stateYoy: boolean; include?: boolean },
): Promise<void> {
  checkYear(input.year);
  if (!ROUNDINGS.includes(input.rounding)) throw errors.validation('rounding', '取整方式无效');
  if (!/^[a-z0-9_.\u4e00-\u9fa5]+$/.test(input.metric)) throw errors.validation('metric', '指标键无效');
  await write(ctx, async ({ tx, audit }) => {
    const key = { tenantId: ctx.actor.tenantId, report: 'rule-of-law', year: input.year, metric: input.metric };
    const before = await figureOption(tx, key);
    const include = input.include ?? before?.include_in_report ?? false;
    await upsertFigureOption(tx, key, { rounding: input.rounding, stateYoy: input.stateYoy, include, version: (before?.version ?? 0) + 1 });
    await audit({
      entity: 'reports.figure_option',
      entityId: `rule-of-law:${input.year}:${input.metric}`,
      action: 'set',
      before: before ? { rounding: before.rounding, stateYoy: before.state_yoy, include: before.include_in_report } : null,
      after: { rounding: input.rounding, stateYoy: input.stateYoy, include },
    });
  });
}
