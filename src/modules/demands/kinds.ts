/**
 * What a module tells the shared demand machinery about its kind of demand: its
 * names, permissions, lifecycle steps and its own rules (clock, extension cap,
 * pause reasons, allowed results and evaluations). Modules register their
 * definition when they load; the shared queue and overview read the registry.
 */
import type { DeadlineRule } from '../../core/calendar/index.js';
import type { WriteScope } from '../../core/audit/audit.js';
import type { Actor } from '../../core/context.js';
import type { ExtensionCap } from './clock.js';
import type { WorkflowSteps } from './workflow.js';
import type { DemandKind } from './schema.js';

/** A problem with one input field (Chinese message). */
export interface FieldError {
  field: string;
  message: string;
}

/** The facts a module's rule functions see when a demand is taken in. */
export interface RuleFacts {
  /** 受理/交办/收到 date (the clock's default start). */
  receivedOn: string;
  demandType: string | null;
  /** 办理时限 given on the record (12345 orders carry theirs), if any. */
  timeLimit: number | null;
  attrs: Record<string, unknown>;
}

export interface DemandKindDef {
  kind: DemandKind;
  /** The module key (tracked deadlines, metrics): 'hotline'. */
  module: string;
  /** The audit entity: 'hotline.order'. */
  entity: string;
  /** '12345工单' */
  label: string;
  /** '工单编号' */
  refLabel: string;
  permissions: {
    read: string;
    write: string;
    /** May see callers' and applicants' phones and ID numbers unmasked (on the record page only). */
    personal: string;
  };
  steps: WorkflowSteps;
  /** 办理期限 — the main clock's rule for a demand. */
  mainRule(facts: RuleFacts): DeadlineRule;
  /** 签收/受理期限 — the first step's rule (counted from intake), or null. */
  firstRule: DeadlineRule | null;
  /**
   * What stops the clock: the reply to the person (依申请公开 答复, 建议提案 答复) or the
   * closure (12345 办结, 信访 办结). On-time and overdue are judged on it.
   */
  doneBy: 'reply' | 'close';
  /** Whether the main clock starts at intake or at the sign/accept step (信访: 受理之日). */
  clockFrom: 'received' | 'signed';
  extensionCap: ExtensionCap | null;
  /** Reasons the clock may stand still (不计入期限). */
  pauseReasons: readonly string[];
  /** Reasons after which the clock restarts on resumption (补正后重新起算). */
  restartReasons: readonly string[];
  /** Allowed evaluations (满意度 / 代表反馈). */
  satisfactionValues: readonly string[];
  /** Allowed results of the reply (办理结果 / 处理结果), or null when the reply is free text only. */
  results: readonly string[] | null;
  demandTypes?: readonly string[];
  channels?: readonly string[];
  /** Module checks of intake input (attrs and fields), as field errors. */
  checkIntake?(input: { demandType: string | null; channel: string | null; attrs: Record<string, unknown> }): FieldError[];
  /** Runs in the intake's transaction after the record is written (e.g. link likely repeats). */
  afterIntake?(
    w: WriteScope,
    actor: Actor,
    item: {
      id: string;
      orgId: string;
      receivedOn: string /** The caller's phone as a blind index (equal phones, equal keys). */;
      personPhoneKey: string | null;
      location: string | null;
      channel: string | null;
      attrs: Record<string, unknown>;
    },
  ): Promise<void>;
}

const registry = new Map<DemandKind, DemandKindDef>();

/** Registers a module's kind (called when the module loads). */
export function registerDemandKind(def: DemandKindDef): DemandKindDef {
  registry.set(def.kind, def);
  return def;
}

export function demandKind(kind: DemandKind): DemandKindDef | undefined {
  return registry.get(kind);
}

export function demandKinds(): DemandKindDef[] {
  return [...registry.values()];
}
