/**
 * What the 防汛 routes answer, described with TypeBox: the OpenAPI description of each
 * answer and the schema it is serialised by. The presenters return `Static<typeof …>` of
 * these, so a presenter and its schema cannot drift (and the test server checks every
 * answer strictly, src/server/responses.ts).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Nullable, OneOf, Str, NStr, Int, Bool, NDay, IsoDateString as Day } from '../../core/schemas.js';
import type { DutyRole, ProjectKind, RiskLevel, RiskStatus, WarningLevel } from './schema.js';

const Num = Type.Number();

const RiskStatusView = OneOf<RiskStatus>(['未整治', '整治中', '已完成']);

/** 水浸风险点. */
export const RiskPointView = Type.Object(
  {
    id: Str,
    code: Str,
    name: Str,
    orgId: Str,
    street: Str,
    lng: Nullable(Num),
    lat: Nullable(Num),
    riskLevel: Nullable(OneOf<RiskLevel>(['高', '中', '低'])),
    registeredOn: Day,
    measure: NStr,
    status: RiskStatusView,
    completedOn: NDay,
    adminPerson: NStr,
    techPerson: NStr,
    patrolPerson: NStr,
    version: Int,
  },
  { description: '水浸风险点' },
);
export type RiskPointView = Static<typeof RiskPointView>;

/** 整治进度 (one report). */
export const ProgressView = Type.Object({ id: Str, onDate: Day, status: RiskStatusView, note: Str, createdBy: Str }, { description: '整治进度' });
export type ProgressView = Static<typeof ProgressView>;

/** A risk point's page: its progress reports and what the caller may do. */
export const RiskPointDetailView = Type.Object(
  { ...RiskPointView.properties, progress: Type.Array(ProgressView), actions: Type.Object({ edit: Bool, progress: Bool }) },
  { description: '水浸风险点（详情）' },
);

/** A progress report with the point as it now stands. */
export const ProgressAddedView = Type.Object({ point: RiskPointView, progress: ProgressView });

/** 内涝治理项目 / 零星排水改造应急工程. */
export const ProjectView = Type.Object(
  {
    id: Str,
    name: Str,
    kind: OneOf<ProjectKind>(['内涝治理项目', '零星排水改造应急工程']),
    orgId: Str,
    orgName: Str,
    street: NStr,
    streetOrgId: NStr,
    startedOn: NDay,
    completedOn: NDay,
    status: NStr,
    version: Int,
  },
  { description: '内涝治理项目' },
);
export type ProjectView = Static<typeof ProjectView>;

const Actions = { actions: Type.Object({ edit: Bool }) };
export const ProjectDetailView = Type.Object({ ...ProjectView.properties, ...Actions }, { description: '内涝治理项目（详情）' });

/** 抢险投入. */
export const DeploymentView = Type.Object(
  { id: Str, orgId: Str, onDate: Day, event: Str, persons: Int, pumps: Int, vehicles: Int, note: NStr, version: Int },
  { description: '抢险投入' },
);
export type DeploymentView = Static<typeof DeploymentView>;
export const DeploymentDetailView = Type.Object({ ...DeploymentView.properties, ...Actions }, { description: '抢险投入（详情）' });

/** A duty line; the phone masked unless the caller may see it in full. */
export const DutyView = Type.Object(
  { id: Str, orgId: Str, date: Day, shift: Str, role: OneOf<DutyRole>(['A角', 'B角']), person: Str, phone: NStr },
  { description: '值班' },
);
export type DutyView = Static<typeof DutyView>;

/** The roster of a date range, with the named shifts. */
export const RosterView = Type.Object(
  {
    shifts: Type.Record(Str, Type.Object({ start: Str, hours: Num, label: Str })),
    entries: Type.Array(DutyView),
  },
  { description: '值班表' },
);

/** What saving a roster did. */
export const RosterSavedView = Type.Object(
  { ok: Type.Literal(true), from: Day, to: Day, days: Int, changedDays: Int, entries: Int },
  { description: '排班结果' },
);

/** 抗旱防咸预警. */
export const WarningView = Type.Object(
  { id: Str, orgId: Str, title: Str, level: OneOf<WarningLevel>(['蓝色', '黄色', '橙色', '红色']), startsOn: Day, endsOn: NDay, version: Int },
  { description: '抗旱防咸预警' },
);
export type WarningView = Static<typeof WarningView>;

/** 每日调度记录. */
export const DispatchView = Type.Object({ id: Str, onDate: Day, chlorideMgl: Nullable(Num), content: Str, createdBy: Str }, { description: '调度记录' });
export type DispatchView = Static<typeof DispatchView>;

/** A warning's page: its dispatches, the days without one, what the caller may do. */
export const WarningDetailView = Type.Object(
  {
    ...WarningView.properties,
    dispatches: Type.Array(DispatchView),
    missingDays: Type.Array(Day),
    actions: Type.Object({ edit: Bool, dispatch: Bool }),
  },
  { description: '抗旱防咸预警（详情）' },
);

/** A responsible person of a work. */
const PersonView = Type.Object({ name: Str, post: NStr, phone: NStr });

/** 水利工程 with its three responsible persons. */
export const WorkView = Type.Object(
  { id: Str, name: Str, kind: Str, location: NStr, orgId: Str, orgName: Str, admin: PersonView, tech: PersonView, patrol: PersonView, version: Int },
  { description: '水利工程及其责任人' },
);
export type WorkView = Static<typeof WorkView>;

/** 责任人名单公示 of a year, and whether it came before the flood season. */
const DisclosureTiming = { onTime: Bool, seasonStartsOn: Day };
export const DisclosureView = Type.Object({ year: Int, publishedOn: Day, note: NStr, ...DisclosureTiming }, { description: '责任人名单公示' });

/** The works page: the works, the years' disclosures, what the caller may do. */
export const WorksView = Type.Object({
  works: Type.Array(WorkView),
  disclosures: Type.Array(DisclosureView),
  actions: Type.Object({ edit: Bool, publish: Bool }),
});

/** What publishing the list did. */
export const DisclosurePublishedView = Type.Object({ year: Int, publishedOn: Day, works: Int, ...DisclosureTiming }, { description: '责任人名单公示结果' });

/** A work as the public list shows it (names, posts, masked phones). */
export const PublicWorkView = Type.Object({ name: Str, kind: Str, location: NStr, org: Str, admin: PersonView, tech: PersonView, patrol: PersonView });
export type PublicWorkView = Static<typeof PublicWorkView>;

/** The public list of a year: as published, and what changed since. */
export const PublicListView = Type.Object(
  {
    bureau: Str,
    years: Type.Array(Int),
    year: Nullable(Int),
    publishedOn: NDay,
    works: Type.Array(PublicWorkView),
    changes: Type.Array(Type.Object({ work: Str, change: Str, now: PublicWorkView })),
  },
  { description: '水利工程防汛责任人名单公示' },
);

/** 巡查打卡 — a patrol's check-in at a risk point, as the device recorded it and the server received it. */
export const CheckinView = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    pointId: Type.String(),
    pointCode: Type.String(),
    pointName: Type.String(),
    checkedAt: Type.String({ description: '设备打卡时间（ISO 8601）' }),
    receivedAt: Type.String({ description: '服务器接收时间（ISO 8601）' }),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    accuracy: Nullable(Type.Number()),
    note: Nullable(Type.String()),
    sha256: Type.String(),
    by: Type.String(),
  },
  { description: '巡查打卡（设备时间、位置、接收时间、照片 SHA-256）' },
);
