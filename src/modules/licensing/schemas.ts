/**
 * What the licensing routes answer, described with TypeBox: the OpenAPI description of each
 * answer and the schema Fastify serialises it by. The presenters return `Static<typeof …>` of
 * these, so a presenter and its schema cannot drift (and the test server checks every answer
 * strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Bool, Int, IsoDateString, KeyOf, NDay, NStr, Nullable, OneOf, Str, WorkflowActionView } from '../../core/schemas.js';
import { PERMIT_STAGE_LABELS } from './labels.js';
import { CATEGORIES } from './schema.js';

const NInt = Nullable(Int);

export const CategoryView = OneOf(CATEGORIES);
export const PermitStatusView = KeyOf(PERMIT_STAGE_LABELS);

/** A time-limit rule with its legal basis. */
export const LicensingRuleView = Type.Object({ key: Str, label: Str, text: Str, source: Str }, { description: '办理时限规则及其法律依据' });

/** 许可事项 */
export const ItemView = Type.Object(
  {
    id: Str,
    orgId: Str,
    code: Str,
    name: Str,
    category: CategoryView,
    statutoryDays: Int,
    committedDays: Int,
    cloudWindow: Bool,
    basis: NStr,
    version: Int,
  },
  { description: '许可事项' },
);
export type ItemView = Static<typeof ItemView>;

/** An action in the workflow engine's one shape (`licensing.permit`). */
export const PermitActionView = WorkflowActionView(PermitStatusView);

const PauseView = Type.Object({ from: IsoDateString, to: IsoDateString, reason: Str });

/** 办件: its fields, its deadlines and the actions of its stage for the actor. */
export const PermitView = Type.Object(
  {
    id: Str,
    orgId: Str,
    orgName: NStr,
    caseNo: Str,
    itemId: Str,
    itemCode: NStr,
    itemName: NStr,
    category: Nullable(CategoryView),
    applicant: Str,
    applicantType: Str,
    applicantUscc: NStr,
    channel: Nullable(OneOf(['网上', '窗口'])),
    visits: NInt,
    status: PermitStatusView,
    statusLabel: Str,
    receivedOn: IsoDateString,
    correctionNoticeOn: NDay,
    correctionItems: NStr,
    correctedOn: NDay,
    acceptedOn: NDay,
    clockStartOn: NDay,
    deemedAccepted: Bool,
    notAcceptedOn: NDay,
    notAcceptedReason: NStr,
    pauses: Type.Array(PauseView),
    extensionDays: NInt,
    extensionApprovedOn: NDay,
    extensionReason: NStr,
    dueOn: NDay,
    statutoryDueOn: NDay,
    decidedOn: NDay,
    result: Nullable(OneOf(['准予许可', '不予许可'])),
    decisionNo: NStr,
    decisionNote: NStr,
    certificateNo: NStr,
    certificateOn: NDay,
    publishedOn: NDay,
    version: Int,
    correctionDueOn: IsoDateString,
    certificateDueOn: NDay,
    /** Why the extension did not extend a deadline (approved after it ran out, 行政许可法第四十二条), or null. */
    extensionNote: NStr,
    onTime: Nullable(Bool),
    actions: Type.Array(PermitActionView),
  },
  { description: '行政许可办件（含期限与可执行操作）' },
);
export type PermitView = Static<typeof PermitView>;
