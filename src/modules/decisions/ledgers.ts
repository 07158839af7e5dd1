import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { orgColumn } from '../../core/orgs.js';
import { DECISION_COLUMNS, saveDecisions, type DecisionSave } from './commands.js';
import { catalogueOfYears, type DecisionFilter, decisionsForExport } from './repository.js';
import { DISCUSSION_RESULTS, PARTICIPATION_METHODS, REVIEW_RESULTS, RISK_LEVELS, type ParticipationMethod } from './schema.js';

const H = DECISION_COLUMNS;

/**
 * 重大行政决策台账 — one row per decision (年度 + 决策事项), the registration and each step recorded; the
 * columns are the bureau's words (`DECISION_COLUMNS`, which the form's errors name too).
 */
export const majorDecisionsSpec = defineLedgerSpec({
  key: 'major-decisions',
  title: '重大行政决策台账',
  columns: [
    { key: 'year', header: H.year!, type: 'int', required: true, example: '2022' },
    { key: 'title', header: H.title!, type: 'text', required: true, example: '天河区防洪（潮）排涝应急预案修订' },
    { key: 'catalogue', header: H.catalogueItemId!, type: 'text', note: '本年度决策事项目录中的事项名称；留空为目录外事项' },
    { key: 'summary', header: H.summary!, type: 'text' },
    { key: 'org', header: H.orgId!, type: 'text', note: '本局单位名称；留空为导入人所在单位' },
    { key: 'leader', header: H.leader!, type: 'text' },
    { key: 'handler', header: H.handler!, type: 'text' },
    { key: 'participationRequired', header: H.participationRequired!, type: 'bool', required: true, note: '“否”的须填写不适用理由（条例第十四条）' },
    { key: 'participationNaReason', header: H.participationNaReason!, type: 'text' },
    { key: 'participationMethods', header: H.participationMethods!, type: 'list', enum: PARTICIPATION_METHODS },
    { key: 'participationFrom', header: H.participationFrom!, type: 'date' },
    { key: 'participationTo', header: H.participationTo!, type: 'date', note: '公开征求意见不少于30日（条例第十五条）' },
    { key: 'participationShortReason', header: H.participationShortReason!, type: 'text' },
    { key: 'participationOn', header: H.participationOn!, type: 'date' },
    { key: 'participationRecord', header: H.participationRecord!, type: 'text' },
    { key: 'expertRequired', header: H.expertRequired!, type: 'bool', required: true, note: '专业性、技术性较强的事项应当论证（条例第十九条）' },
    { key: 'expertNaReason', header: H.expertNaReason!, type: 'text' },
    { key: 'expertOn', header: H.expertOn!, type: 'date' },
    { key: 'expertExperts', header: H.expertExperts!, type: 'text' },
    { key: 'expertRecord', header: H.expertRecord!, type: 'text' },
    { key: 'riskRequired', header: H.riskRequired!, type: 'bool', required: true, note: '可能影响社会稳定、公共安全的应当评估（条例第二十二条）' },
    { key: 'riskNaReason', header: H.riskNaReason!, type: 'text' },
    { key: 'riskOn', header: H.riskOn!, type: 'date' },
    { key: 'riskLevel', header: H.riskLevel!, type: 'enum', enum: RISK_LEVELS },
    { key: 'riskRecord', header: H.riskRecord!, type: 'text' },
    { key: 'reviewSubmittedOn', header: H.reviewSubmittedOn!, type: 'date' },
    { key: 'reviewOn', header: H.reviewOn!, type: 'date' },
    { key: 'reviewResult', header: H.reviewResult!, type: 'enum', enum: REVIEW_RESULTS },
    { key: 'reviewOpinion', header: H.reviewOpinion!, type: 'text' },
    { key: 'discussionOn', header: H.discussionOn!, type: 'date' },
    { key: 'discussionMeeting', header: H.discussionMeeting!, type: 'text', example: '局长办公会议' },
    { key: 'discussionAttendees', header: H.discussionAttendees!, type: 'text' },
    { key: 'discussionResult', header: H.discussionResult!, type: 'enum', enum: DISCUSSION_RESULTS },
    { key: 'discussionContent', header: H.discussionContent!, type: 'text' },
    { key: 'discussionDissent', header: H.discussionDissent!, type: 'text' },
    { key: 'discussionHeadReason', header: H.discussionHeadReason!, type: 'text' },
    { key: 'discussionShortReviewReason', header: H.discussionShortReviewReason!, type: 'text' },
    { key: 'publicationRequired', header: H.publicationRequired!, type: 'bool', note: '留空为“是”；依法不予公开的填“否”并写明理由' },
    { key: 'publicationNaReason', header: H.publicationNaReason!, type: 'text' },
    { key: 'publicationOn', header: H.publicationOn!, type: 'date' },
    { key: 'publicationChannel', header: H.publicationChannel!, type: 'text' },
    { key: 'publicationRef', header: H.publicationRef!, type: 'text' },
    { key: 'evaluationRequired', header: H.evaluationRequired!, type: 'bool', note: '留空为“否”' },
    { key: 'evaluationNaReason', header: H.evaluationNaReason!, type: 'text' },
    { key: 'evaluationOn', header: H.evaluationOn!, type: 'date' },
    { key: 'evaluationBy', header: H.evaluationBy!, type: 'text' },
    { key: 'evaluationRecord', header: H.evaluationRecord!, type: 'text' },
    { key: 'archivedOn', header: H.archivedOn!, type: 'date' },
  ],
});
type Row = RowOf<typeof majorDecisionsSpec>;

/**
 * Rows are matched on 年度 and 决策事项 and saved through `saveDecisions` (the form's path) in historical
 * mode: a short comment period, review time or an unexplained head's decision without reason is a
 * finding; a decision recorded as made with a required step missing, a bad value, an unknown unit or
 * catalogue item is a row error naming the column.
 */
export const majorDecisionsLedger: LedgerDef<Row> = {
  spec: majorDecisionsSpec,
  readPermission: 'decisions.read',
  writePermission: 'decisions.write',
  naturalKey: { header: H.title!, of: (r) => `${r.year}|${r.title.trim()}` },
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const orgIdOf = await orgColumn(ctx.db, ctx.actor.tenantId, H.orgId!, errors);
    const items = await catalogueOfYears(
      ctx.db,
      ctx.actor.tenantId,
      rows.map((r) => r.value.year),
    );
    const inputs: DecisionSave[] = [];
    for (const { rowNumber, value: v } of rows) {
      const orgId = orgIdOf(rowNumber, v.org);
      if (orgId === undefined) continue;
      const item = v.catalogue ? items.find((i) => i.year === v.year && i.title === v.catalogue!.trim()) : undefined;
      if (v.catalogue && !item) {
        errors.push({ row: rowNumber, column: H.catalogueItemId!, message: `${v.year}年决策事项目录中没有“${v.catalogue}”`, value: v.catalogue });
        continue;
      }
      const { org: _o, catalogue: _c, ...rest } = v;
      inputs.push({
        ...rest,
        row: rowNumber,
        catalogueItemId: item?.id ?? null,
        orgId,
        publicationRequired: v.publicationRequired ?? true,
        evaluationRequired: v.evaluationRequired ?? false,
      });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const r = await saveDecisions({ calendar: imp.calendar }, imp.w, inputs, { mode: 'historical', imp });
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  // `filter`: the decision list's filters (its export: exactly the list's rows, in its order); absent: every decision in scope.
  async exportRows(ctx, filter) {
    const rows = await decisionsForExport(ctx, filter as DecisionFilter | undefined);
    return rows.map((d) => ({
      year: d.year,
      title: d.title,
      catalogue: d.catalogue_title,
      summary: d.summary,
      org: d.org_name,
      leader: d.leader,
      handler: d.handler,
      participationRequired: d.participation_required,
      participationNaReason: d.participation_na_reason,
      participationMethods: d.participation_methods ? (d.participation_methods.split('、') as ParticipationMethod[]) : null,
      participationFrom: d.participation_from,
      participationTo: d.participation_to,
      participationShortReason: d.participation_short_reason,
      participationOn: d.participation_on,
      participationRecord: d.participation_record,
      expertRequired: d.expert_required,
      expertNaReason: d.expert_na_reason,
      expertOn: d.expert_on,
      expertExperts: d.expert_experts,
      expertRecord: d.expert_record,
      riskRequired: d.risk_required,
      riskNaReason: d.risk_na_reason,
      riskOn: d.risk_on,
      riskLevel: d.risk_level,
      riskRecord: d.risk_record,
      reviewSubmittedOn: d.review_submitted_on,
      reviewOn: d.review_on,
      reviewResult: d.review_result,
      reviewOpinion: d.review_opinion,
      discussionOn: d.discussion_on,
      discussionMeeting: d.discussion_meeting,
      discussionAttendees: d.discussion_attendees,
      discussionResult: d.discussion_result,
      discussionContent: d.discussion_content,
      discussionDissent: d.discussion_dissent,
      discussionHeadReason: d.discussion_head_reason,
      discussionShortReviewReason: d.discussion_short_review_reason,
      publicationRequired: d.publication_required,
      publicationNaReason: d.publication_na_reason,
      publicationOn: d.publication_on,
      publicationChannel: d.publication_channel,
      publicationRef: d.publication_ref,
      evaluationRequired: d.evaluation_required,
      evaluationNaReason: d.evaluation_na_reason,
      evaluationOn: d.evaluation_on,
      evaluationBy: d.evaluation_by,
      evaluationRecord: d.evaluation_record,
      archivedOn: d.archived_on,
    }));
  },
  undo: { table: 'dec_decision' },
};
