/**
 * 行政许可办件流程 — a permit case's lifecycle on the kernel's workflow engine: 收件 (with
 * one correction notice, 行政许可法第三十二条), 受理 or 不予受理, the decision term (excluded
 * periods, one extension, 第四十二、四十五条), the decision, and for a grant the certificate
 * (第四十四条) and 双公示 (国办发〔2018〕118号). The row is `*`: anyone holding
 * `licensing.write` (the route checks the permission). Printable with
 * `fazhi workflow licensing.permit`.
 */
import type { Actor } from '../../core/context.js';
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';
import { PERMIT_STAGE_LABELS, PERMIT_STEP_LABELS } from './labels.js';
import type { PermitStatus } from './schema.js';

/** 办件状态 (the `lic_permit.status` column). */
export const STATUS_LABELS: Readonly<Record<PermitStatus, string>> = PERMIT_STAGE_LABELS;

/** 办件环节 (the route's `/licensing/permits/:id/<step>`). */
export const ACTION_LABELS = PERMIT_STEP_LABELS;
export type PermitAction = keyof typeof ACTION_LABELS;

/** What the permit guards read (pure, from the case). */
export interface PermitFacts {
  correctionNoticeOn: string | null;
  extensionDays: number | null;
  result: string | null;
  certificateOn: string | null;
  publishedOn: string | null;
}

export const permitGuards = {
  /** 行政许可法第三十二条：一次告知需要补正的全部内容 */
  oneCorrectionNotice: (f: PermitFacts) =>
    f.correctionNoticeOn ? [`已于${f.correctionNoticeOn}告知补正，行政许可法第三十二条要求一次告知需要补正的全部内容，不能再次告知`] : [],
  /** 行政许可法第四十二条：延长一次，不超过十日 */
  notExtended: (f: PermitFacts) => (f.extensionDays ? ['该办件已延长过一次，行政许可法第四十二条只允许延长一次（十日）'] : []),
  /** 行政许可法第四十四条；国办发〔2018〕118号 */
  granted: (f: PermitFacts) =>
    f.result === '准予许可' ? [] : [`办理结果为“${f.result ?? '—'}”，只有准予许可的决定颁发证件并公示（行政许可法第四十四条；国办发〔2018〕118号）`],
  notCertified: (f: PermitFacts) => (f.certificateOn ? [`已于${f.certificateOn}颁发证件`] : []),
  notPublished: (f: PermitFacts) => (f.publishedOn ? [`已于${f.publishedOn}公示`] : []),
} as const;

const g = permitGuards;

/**
 * What `applyPermitEvent` runs after a step's write: track the deadlines the case's state
 * implies (`permitTracks`), record a grant in the 双公示 register, date its publication there.
 */
export type PermitEffect = 'track_deadlines' | 'record_publication' | 'publish';
const track = ['track_deadlines'] as const;

export const permitWorkflow = defineWorkflow<PermitStatus, PermitAction, PermitFacts, PermitEffect>({
  key: 'licensing.permit',
  label: '行政许可办件',
  stages: STATUS_LABELS,
  events: ACTION_LABELS,
  initial: 'received',
  guards: permitGuards,
  guardLabels: {
    oneCorrectionNotice: '尚未告知补正（一次告知，第三十二条）',
    notExtended: '未延长过期限（第四十二条）',
    granted: '准予许可（第四十四条；国办发〔2018〕118号）',
    notCertified: '尚未颁发证件',
    notPublished: '尚未公示',
  },
  whoLabels: { '*': '许可经办人员' },
  matrix: {
    '*': {
      received: {
        correction: { to: 'correction', if: [g.oneCorrectionNotice], after: track },
        accept: { to: 'accepted', after: track },
        not_accept: { to: 'not_accepted', after: track },
      },
      correction: { corrected: { to: 'received' }, not_accept: { to: 'not_accepted', after: track } },
      accepted: {
        pause: { after: track },
        extend: { if: [g.notExtended], after: track },
        decide: { to: 'decided', after: ['track_deadlines', 'record_publication'] },
      },
      decided: {
        certify: { to: 'certified', if: [g.granted], after: track },
        publish: { to: 'published', if: [g.granted], after: ['publish'] },
      },
      certified: { publish: { to: 'published', after: ['publish'] } },
      published: { certify: { if: [g.notCertified], after: track } },
    },
  },
});

/** The facts of a permit (row or view). */
export function permitFacts(p: PermitFacts): PermitFacts {
  return {
    correctionNoticeOn: p.correctionNoticeOn,
    extensionDays: p.extensionDays,
    result: p.result,
    certificateOn: p.certificateOn,
    publishedOn: p.publishedOn,
  };
}

/** The facts of a permit row. */
export function permitRowFacts(r: {
  correction_notice_on: string | null;
  extension_days: number | null;
  result: string | null;
  certificate_on: string | null;
  published_on: string | null;
}): PermitFacts {
  return {
    correctionNoticeOn: r.correction_notice_on,
    extensionDays: r.extension_days,
    result: r.result,
    certificateOn: r.certificate_on,
    publishedOn: r.published_on,
  };
}

/** The rows of the matrix an actor holds: `*` with `licensing.write`, none otherwise. */
export const permitWho = (actor: Pick<Actor, 'permissions'>): string[] => (actor.permissions.has('licensing.write') ? ['*'] : []);

export type PermitActionView = WorkflowAction<PermitAction, PermitStatus>;

/** A permit's actions for an actor, in the engine's one shape. */
export function permitActions(status: PermitStatus, facts: PermitFacts, who: readonly string[]): PermitActionView[] {
  return actionsFor(permitWorkflow, who, status, facts);
}

/** The transition a step takes now, or the 422 (`ACTION_NOT_ALLOWED`) naming why not. */
export function requirePermitStep(who: readonly string[], status: PermitStatus, action: PermitAction, facts: PermitFacts) {
  return requireTransition(permitWorkflow, who, { stage: status, event: action, facts, code: 'ACTION_NOT_ALLOWED' });
}
