/**
 * What a module tells the shared demand machinery about its kind of demand: its
 * names, permissions, lifecycle steps and its own rules (clock, extension cap,
 * pause reasons, allowed results and evaluations). A kind module contributes its
 * definition in its manifest (`contributes: { 'demands.kind': [def] }`); the registry
 * checks each at start-up ({@link demandKindProblems}) and gives them back
 * ({@link demandKindsOf}) to the shared queue, overview and list filters.
 */
import type { DeadlineRule, WorkCalendar } from '../../core/calendar/index.js';
import type { WriteScope } from '../../core/audit/audit.js';
import type { Actor } from '../../core/context.js';
import type { ClockRules, ClockState, ExtensionCap } from './clock.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { WorkflowSteps } from './workflow.js';
import type { DemandKind } from './schema.js';
import type { ModuleDef } from '../../core/module.js';
import type { Registry } from '../../core/system.js';

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
  /** The working-day calendar (a rule bounded by a rolled date compares with it). */
  cal: WorkCalendar;
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
  /** The kind's limits on the clock (extensions approved in time, caps on paused time); see {@link ClockRules}. */
  clockRules?: ClockRules;
  /**
   * The kind's rules on a clock change (a record written, a pause opened, an extension added),
   * as breaches naming the field (and the ledger column): a form's or the API's change is
   * refused with them (400 naming the field and the statute); an import reports them as findings.
   */
  clockBreaches?(x: ClockCheck, cal: WorkCalendar): RuleBreach[];
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
  /**
   * Runs in the intake's transaction after the record is written (e.g. find likely repeats,
   * track a term of the module's own) and returns what the demand machinery is to change on
   * the record — a kind module writes no demand table itself.
   */
  afterIntake?(
    w: WriteScope,
    actor: Actor,
    item: {
      id: string;
      /** The record's number (工单编号、提案号 …). */
      refNo: string;
      orgId: string;
      receivedOn: string /** The caller's phone as a blind index (equal phones, equal keys). */;
      personPhoneKey: string | null;
      location: string | null;
      channel: string | null;
      attrs: Record<string, unknown>;
    },
  ): Promise<IntakeEffects | undefined>;
}

/** A change of a demand's clock, as a kind's {@link DemandKindDef.clockBreaches} sees it. */
export interface ClockCheck {
  /** record: a record written (form, import, demo); pause: a pause opened; extend: an extension added. */
  change: 'record' | 'pause' | 'extend';
  /** The day the demand was received (交办/收到). */
  receivedOn: string;
  /** The clock after the change. */
  clock: ClockState;
  /** Its due date after the change, under the kind's clock rules. */
  due: string;
  /** The day of the change (a record: the day it was received). */
  on: string;
  attrs: Record<string, unknown>;
}

/** What a kind's intake hook asks the demand machinery to record (before the record's `created` event). */
export interface IntakeEffects {
  /** Attributes merged into the record's `attrs` (建议提案: the 协办意见 due date). */
  attrs?: Record<string, unknown>;
  /**
   * Links to earlier records (12345: likely repeats), each stored as `<label>：<reason>` and
   * recorded in one `linked` event whose note names them (`{ repeats, reason }`).
   */
  links?: { label: string; to: ReadonlyArray<{ id: string; reason: string }> };
}

/** The extension point the kind modules contribute to. */
export const DEMAND_KIND_POINT = 'demands.kind';

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isTexts = (x: unknown): boolean => Array.isArray(x) && x.every(isText);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Problems of one contributed kind (empty when sound): its names, its module (the
 * contributing one) and entity, its steps, its rules' shapes. The permissions it names are
 * checked with the entity (`demandEntity`); a kind contributed twice by the manifest's
 * `checks` ({@link demandKindManifestProblems}).
 */
export function demandKindProblems(c: unknown, from: string): string[] {
  if (!isObject(c)) return ['诉求类型定义应为对象'];
  const p: string[] = [];
  const name = isText(c.kind) ? c.kind : '（无 kind）';
  for (const f of ['kind', 'module', 'entity', 'label', 'refLabel'] as const) if (!isText(c[f])) p.push(`${name}：缺少 ${f}`);
  if (isText(c.module) && c.module !== from) p.push(`${name}：module ${c.module} 不是贡献它的模块 ${from}`);
  if (isText(c.entity) && !c.entity.startsWith(`${from}.`)) p.push(`${name}：entity ${c.entity} 应以 ${from}. 开头`);
  const perms = c.permissions;
  if (!isObject(perms) || !['read', 'write', 'personal'].every((k) => isText(perms[k]))) p.push(`${name}：permissions 应有 read、write、personal`);
  const steps = c.steps;
  if (!isObject(steps)) p.push(`${name}：缺少 steps`);
  else {
    if (steps.sign !== null && !(isObject(steps.sign) && isText(steps.sign.label))) p.push(`${name}：steps.sign 应为 null 或 { label }`);
    for (const f of ['pause', 'extend', 'return'] as const) if (typeof steps[f] !== 'boolean') p.push(`${name}：steps.${f} 应为是或否`);
    for (const f of ['replyLabel', 'closeLabel', 'evaluateLabel'] as const) if (!isText(steps[f])) p.push(`${name}：缺少 steps.${f}`);
    if (c.clockFrom === 'signed' && !steps.sign) p.push(`${name}：clockFrom 为 signed 时须有签收/受理步骤`);
    if (steps.pause === true && !((c.pauseReasons as unknown[])?.length || (c.restartReasons as unknown[])?.length))
      p.push(`${name}：可中止计时的类型须列出中止事由`);
  }
  if (typeof c.mainRule !== 'function') p.push(`${name}：缺少 mainRule`);
  if (c.firstRule !== null && !isObject(c.firstRule)) p.push(`${name}：firstRule 应为 null 或期限规则`);
  if (c.doneBy !== 'reply' && c.doneBy !== 'close') p.push(`${name}：doneBy 应为 reply 或 close`);
  if (c.clockFrom !== 'received' && c.clockFrom !== 'signed') p.push(`${name}：clockFrom 应为 received 或 signed`);
  if (c.extensionCap !== null && !isObject(c.extensionCap)) p.push(`${name}：extensionCap 应为 null 或上限`);
  for (const f of ['pauseReasons', 'restartReasons', 'satisfactionValues'] as const) if (!isTexts(c[f])) p.push(`${name}：${f} 应为文字列表`);
  if (c.results !== null && !isTexts(c.results)) p.push(`${name}：results 应为 null 或文字列表`);
  for (const f of ['demandTypes', 'channels'] as const) if (c[f] !== undefined && !isTexts(c[f])) p.push(`${name}：${f} 应为文字列表`);
  for (const f of ['checkIntake', 'afterIntake', 'clockBreaches'] as const)
    if (c[f] !== undefined && typeof c[f] !== 'function') p.push(`${name}：${f} 应为函数`);
  if (c.clockRules !== undefined && !isObject(c.clockRules)) p.push(`${name}：clockRules 应为对象`);
  return p;
}

/**
 * The manifest-wide checks of the kinds: each kind contributed once, and its contributing
 * module declares the kind's entity and its workflow (`demandWorkflow(kind)` in `workflows`).
 */
export function demandKindManifestProblems(modules: readonly ModuleDef[]): string[] {
  const p: string[] = [];
  const seen = new Map<string, string>();
  for (const m of modules)
    for (const c of (m.contributes?.[DEMAND_KIND_POINT] ?? []) as ReadonlyArray<Partial<DemandKindDef>>) {
      const kind = String(c.kind);
      const first = seen.get(kind);
      if (first) p.push(`诉求类型 ${kind} 重复：${first} 与 ${m.key} 都贡献了它`);
      else seen.set(kind, m.key);
      if (c.entity && !m.entities?.[c.entity]) p.push(`诉求类型 ${kind}：模块 ${m.key} 未声明实体 ${c.entity}`);
      if (c.entity && !(m.workflows ?? []).some((w) => w.key === c.entity))
        p.push(`诉求类型 ${kind}：模块 ${m.key} 未在 workflows 中列出 ${c.entity} 的办理流程`);
    }
  return p;
}

/** The kinds the running system's modules contribute, in manifest order. */
export function demandKindsOf(registry: Pick<Registry, 'contributions'>): DemandKindDef[] {
  return registry.contributions<DemandKindDef>(DEMAND_KIND_POINT).map((c) => c.value);
}
