/**
 * 案件线索流程 — a clue's lifecycle on the kernel's workflow engine: registered (待处理),
 * 移送交办 to another unit (待签收) and received back into 待处理, filed as a case (立案)
 * or closed without one (办结); the receiving unit reports back (反馈) once it has
 * received a transferred clue. The row is `*`: anyone holding `enforcement.clue.write`
 * who handles the clue's unit (`handlesOrg` — street officers their street's clues,
 * bureau staff the bureau's); the route checks the permission, the command the unit.
 * Printable with `fazhi workflow enforcement.clue`.
 */
import { actionsFor, defineWorkflow, type WorkflowAction } from '../../core/workflow/index.js';

/** 线索状态 (the `enf_clue.status` column). */
export const CLUE_STAGES = {
  open: '待处理',
  transferred: '已移送（待签收）',
  case: '已立案',
  closed: '已办结（未立案）',
} as const;
export type ClueStage = keyof typeof CLUE_STAGES;

/** 线索环节 (the route's `/enforcement/clues/:id/:action`; 立案 is `POST /enforcement/cases` with `clueId`). */
export const CLUE_EVENTS = {
  file: '立案',
  transfer: '移送',
  receive: '签收',
  feedback: '反馈',
  close: '办结',
} as const;
export type ClueEvent = keyof typeof CLUE_EVENTS;

/** What the clue guards read (pure, from the clue row). */
export interface ClueFacts {
  /** The clue reached its unit by 移送交办 (it has a transfer date). */
  transferred: boolean;
  /** The receiving unit signed for it. */
  received: boolean;
}

export const clueGuards = {
  transferred: (f: ClueFacts) => (f.transferred ? [] : ['该线索不是移送线索']),
  /** Speaks only of a transferred clue (a clue of the unit's own has nothing to sign for). */
  received: (f: ClueFacts) => (f.received || !f.transferred ? [] : ['请先签收']),
} as const;

/** The feedback a transferred clue's unit gives once it has received it (also after filing or closing it). */
const feedback = { if: [clueGuards.transferred, clueGuards.received] } as const;

export const clueWorkflow = defineWorkflow<ClueStage, ClueEvent, ClueFacts>({
  key: 'enforcement.clue',
  label: '案件线索',
  stages: CLUE_STAGES,
  events: CLUE_EVENTS,
  initial: 'open',
  guards: clueGuards,
  guardLabels: { transferred: '移送交办的线索', received: '已签收' },
  whoLabels: { '*': '线索办理单位人员' },
  matrix: {
    '*': {
      open: { file: { to: 'case' }, transfer: { to: 'transferred' }, feedback, close: { to: 'closed' } },
      transferred: { receive: { to: 'open' }, feedback },
      case: { feedback },
      closed: { feedback },
    },
  },
});

/** The facts of a clue row. */
export function clueFacts(c: { transferred_on: string | null; receipt_on: string | null }): ClueFacts {
  return { transferred: !!c.transferred_on, received: !!c.receipt_on };
}

/** The rows of the matrix an actor holds on a clue: `*` when the actor handles its unit, none otherwise. */
export const clueWho = (handler: boolean): string[] => (handler ? ['*'] : []);

export type ClueActionView = WorkflowAction<ClueEvent, ClueStage>;

/** A clue's actions for an actor, in the engine's one shape (none when another unit handles it). */
export function clueActions(c: { status: string; transferred_on: string | null; receipt_on: string | null }, handler: boolean): ClueActionView[] {
  return actionsFor(clueWorkflow, clueWho(handler), c.status as ClueStage, clueFacts(c));
}
