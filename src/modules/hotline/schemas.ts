/** What the 12345 routes of the hotline's own answer (the shared lifecycle's are the demands module's). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Instant, IsoDateString, Nullable, Str, NStr } from '../../core/schemas.js';

/** The answer to a push: created, or the order already known. */
export const PushResultView = Type.Object({ created: Type.Boolean(), id: Str, orderNo: Str }, { description: '推送结果（created=false：工单已存在）' });

/** The order's facts a clue request carries (the caller's phone masked). */
export const ClueFactsView = Type.Object({
  source: Type.Literal('12345'),
  orderNo: Str,
  receivedOn: IsoDateString,
  demandType: NStr,
  title: Str,
  content: Str,
  location: NStr,
  orgId: Str,
  orgName: Str,
  callerPhoneMasked: NStr,
});

/** A request to open an enforcement clue from a 12345 order. */
export const ClueRequestView = Type.Object(
  {
    id: Str,
    orderId: Str,
    orgId: Str,
    facts: ClueFactsView,
    reason: Str,
    requestedBy: Str,
    requestedAt: Instant,
    status: Type.Union([Type.Literal('pending'), Type.Literal('consumed')]),
    consumedAt: Nullable(Instant),
    clueRef: NStr,
  },
  { description: '执法线索移送请求' },
);
export type ClueRequest = Static<typeof ClueRequestView>;

/** 全区平均办理时长 of a year. */
export const DistrictAverageView = Type.Object({ year: Type.Integer(), avg: Type.Number(), note: NStr }, { description: '全区平均办理时长（工作日）' });
export type DistrictAverageView = Static<typeof DistrictAverageView>;

/** The average as entered. */
export const DistrictAverageSetView = Type.Object({ year: Type.Integer(), avg: Type.Number() });
