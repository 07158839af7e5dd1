/**
 * 行政复议、行政诉讼案件流程 — a case against the bureau on the kernel's workflow engine:
 * 收案 (the copy of the application or complaint received) → 答复/答辩 → 开庭/听证 (any number;
 * a reconsideration decided on the papers skips it) → 审结 (the outcome with its category)
 * → for an appealable first-instance judgment or ruling, 上诉 (second instance: hearing and
 * outcome again) → 结案. The row is `*`: anyone holding `litigation.write` (the legal office;
 * the route checks the permission). Printable with `fazhi workflow litigation.case`.
 */
import type { Actor } from '../../core/context.js';
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';
import { CORRECTION_SOURCE } from './rules.js';
import { CASE_EVENT_LABELS, CASE_STAGE_LABELS } from './labels.js';
import type { CaseKind, CaseStatus, Instance } from './schema.js';

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = CASE_STAGE_LABELS;

export const EVENT_LABELS = CASE_EVENT_LABELS;
export type CaseEvent = keyof typeof EVENT_LABELS;

/** What the guards read: the case's facts and the business date the event happens on (today for the view). */
export interface CaseFacts {
  kind: CaseKind;
  instance: Instance | null;
  outcome: string | null;
  servedOn: string | null;
  /** The appeal window's last day, when the outcome opened one and was served. */
  appealDueOn: string | null;
  /** Whether the outcome opens an appeal window at all (a first-instance judgment or 驳回起诉). */
  appealable: boolean;
  corrected: boolean;
  rectifiedOn: string | null;
  /** The event's date (the command's input, or today for the record's view). */
  on: string;
}

const RECTIFY_SOURCE =
  '行政复议法第七十七条第一款（被申请人应当履行行政复议决定书、调解书）；行政诉讼法第九十四条（当事人必须履行发生法律效力的判决、裁定、调解书）';

export const caseGuards = {
  /** Only a first-instance lawsuit's judgment or 驳回起诉 ruling is appealed (行政诉讼法第七条、第八十五条). */
  appealable: (f: CaseFacts) =>
    f.appealable
      ? []
      : [
          f.kind === '复议'
            ? '行政复议决定不能上诉（不服的可依法提起行政诉讼，另行登记）'
            : '该裁判不能上诉（二审裁判为终审；调解书、准予撤诉裁定不可上诉，行政诉讼法第七条、第八十五条）',
        ],
  /** The appeal window runs from service: it needs the service date. */
  served: (f: CaseFacts) => (f.servedOn ? [] : ['尚未登记裁判文书送达日期，上诉期限自送达之日起算（行政诉讼法第八十五条）']),
  /** An appeal is filed within the window. */
  withinAppealWindow: (f: CaseFacts) => (f.appealDueOn && f.on > f.appealDueOn ? [`上诉期限已于${f.appealDueOn}届满（行政诉讼法第八十五条）`] : []),
  /** A case is closed once the judgment is final: the appeal window has run. */
  appealWindowOver: (f: CaseFacts) => {
    if (!f.appealable) return [];
    if (!f.servedOn) return ['尚未登记裁判文书送达日期，无法确认裁判是否生效（行政诉讼法第八十五条）'];
    return f.appealDueOn && f.on <= f.appealDueOn ? [`上诉期限至${f.appealDueOn}届满，届满前裁判尚未生效，不能结案（行政诉讼法第八十五条）`] : [];
  },
  /** A corrected act needs its rectification recorded before the case is closed. */
  rectifiedIfCorrected: (f: CaseFacts) => (f.corrected && !f.rectifiedOn ? [`被纠错（败诉）的案件应登记整改落实情况后结案（${RECTIFY_SOURCE}）`] : []),
  /** Rectification is recorded for a corrected act only. */
  corrected: (f: CaseFacts) => (f.corrected ? [] : [`只有被纠错（败诉）的案件登记整改（${CORRECTION_SOURCE}）`]),
} as const;

const g = caseGuards;

export const caseWorkflow = defineWorkflow<CaseStatus, CaseEvent, CaseFacts>({
  key: 'litigation.case',
  label: '行政复议、行政诉讼案件',
  stages: STATUS_LABELS,
  events: EVENT_LABELS,
  initial: 'received',
  guards: caseGuards,
  guardLabels: {
    appealable: '一审判决或驳回起诉裁定（行政诉讼法第七条、第八十五条）',
    served: '已登记裁判文书送达日期',
    withinAppealWindow: '在上诉期限内（行政诉讼法第八十五条）',
    appealWindowOver: '上诉期限已届满，裁判生效',
    rectifiedIfCorrected: '被纠错的，已登记整改（行政复议法第七十七条；行政诉讼法第九十四条）',
    corrected: '被纠错（败诉）',
  },
  whoLabels: { '*': '法制机构经办人员' },
  matrix: {
    '*': {
      received: { reply: { to: 'replied' } },
      replied: { hearing: { to: 'heard' }, conclude: { to: 'concluded' } },
      heard: { hearing: {}, conclude: { to: 'concluded' } },
      concluded: {
        serve: {},
        appeal: { to: 'appealed', if: [g.appealable, g.served, g.withinAppealWindow] },
        rectify: { if: [g.corrected] },
        close: { to: 'closed', if: [g.appealWindowOver, g.rectifiedIfCorrected] },
      },
      appealed: { hearing: { to: 'heard' }, conclude: { to: 'concluded' } },
      closed: { rectify: { if: [g.corrected] } },
    },
  },
});

/** The rows of the matrix an actor holds: `*` with `litigation.write`, none otherwise. */
export const caseWho = (actor: Pick<Actor, 'permissions'>): string[] => (actor.permissions.has('litigation.write') ? ['*'] : []);

export type CaseActionView = WorkflowAction<CaseEvent, CaseStatus>;

/** A case's actions for an actor, in the engine's one shape. */
export function caseActions(status: CaseStatus, facts: CaseFacts, who: readonly string[]): CaseActionView[] {
  return actionsFor(caseWorkflow, who, status, facts);
}

/** The transition an event takes now, or the 422 (`ACTION_NOT_ALLOWED`) naming why not. */
export function requireCaseStep(who: readonly string[], status: CaseStatus, event: CaseEvent, facts: CaseFacts) {
  return requireTransition(caseWorkflow, who, { stage: status, event, facts, code: 'ACTION_NOT_ALLOWED' });
}
