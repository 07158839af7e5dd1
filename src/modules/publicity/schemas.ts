/**
 * What the 双公示 routes answer, described with TypeBox: the OpenAPI description and the
 * schema Fastify serialises by. The presenters (presenters.ts) return `Static<typeof …>` of
 * these, so they cannot drift (the test server checks every answer strictly).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { IsoDateString, Str, NStr, NDay } from '../../core/schemas.js';

export const DecisionKindView = Type.Union([Type.Literal('penalty'), Type.Literal('permit')]);

/** A published decision as the public page shows it (natural persons' names and ID numbers masked). */
export const PublicDecisionView = Type.Object(
  {
    id: Str,
    kind: DecisionKindView,
    decisionNo: Str,
    decidedOn: IsoDateString,
    publishedOn: NDay,
    party: Str,
    partyType: Str,
    partyIdNo: Str,
    title: Str,
    content: Str,
    basis: NStr,
    authority: Str,
  },
  { description: '已公示的决定（自然人已脱敏）' },
);
export type PublicDecisionView = Static<typeof PublicDecisionView>;

/** The public page: the bureau and a page of its published decisions. */
export const PublicDecisionsView = Type.Object({ bureau: Str, items: Type.Array(PublicDecisionView) }, { description: '公示页' });
export type PublicDecisionsView = Static<typeof PublicDecisionsView>;

/** A recorded decision in the staff's register (pending, published or withdrawn). */
export const DecisionRegisterView = Type.Object(
  {
    id: Str,
    kind: DecisionKindView,
    orgId: Str,
    sourceEntity: Str,
    sourceId: Str,
    decisionNo: Str,
    decidedOn: IsoDateString,
    dueOn: IsoDateString,
    publishedOn: NDay,
    party: Str,
    title: Str,
    withdrawnOn: NDay,
    withdrawReason: NStr,
  },
  { description: '公示台账中的一项' },
);
export type DecisionRegisterView = Static<typeof DecisionRegisterView>;

/** The register: every recorded decision in scope. */
export const DecisionRegisterList = Type.Array(DecisionRegisterView);
