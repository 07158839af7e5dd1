/**
 * What the 防汛 forms send, field by field. Each body is closed (the kernel refuses a property
 * it does not list, naming it). Types are those the forms send — text as strings, numbers as
 * numbers, the units as uuids — and every field may be absent or null (a cleared input): the
 * commands check each value and name the field with its Chinese label (`check.*`), so the
 * bodies say only which fields there are and their JSON types.
 */
import { Type } from '@fastify/type-provider-typebox';
import { Opt, OptUuid } from '../../core/schemas.js';

/** A field a form may leave out or clear. */
const Text = Opt(Type.String());
const Num = Opt(Type.Number());
/**
 * A unit (所在街道). On a new record, absent: a street user's own street (数据范围 on create,
 * `ownerOrgForCreate`); a named street must lie within the actor's scope, else 404.
 */
const Unit = OptUuid();
/** An edit carries the version it was made on (a stale one is 409). */
const Version = { version: Type.Integer() };

/** 水浸风险点 (its status moves by progress reports, not by the form). */
const riskPoint = {
  code: Text,
  name: Text,
  orgId: Unit,
  lng: Num,
  lat: Num,
  riskLevel: Text,
  registeredOn: Text,
  measure: Text,
  adminPerson: Text,
  techPerson: Text,
  patrolPerson: Text,
};
export const RiskPointBody = Type.Object(riskPoint);
export const RiskPointPatch = Type.Object({ ...riskPoint, ...Version });

/** 整治进度. */
export const ProgressBody = Type.Object({ onDate: Text, status: Text, note: Text });

/** 内涝治理项目 / 零星排水改造应急工程 (所在街道 none: the flood department's). */
const project = { name: Text, kind: Text, streetOrgId: Unit, startedOn: Text, completedOn: Text, status: Text };
export const ProjectBody = Type.Object(project);
export const ProjectPatch = Type.Object({ ...project, ...Version });

/** 抢险投入. */
const deployment = { onDate: Text, event: Text, persons: Num, pumps: Num, vehicles: Num, note: Text };
export const DeploymentBody = Type.Object(deployment);
export const DeploymentPatch = Type.Object({ ...deployment, ...Version });

/** 抗旱防咸预警 (解除: `endsOn`). */
const warning = { title: Text, level: Text, startsOn: Text, endsOn: Text };
export const WarningBody = Type.Object(warning);
export const WarningPatch = Type.Object({ ...warning, ...Version });

/** 每日调度记录. */
export const DispatchBody = Type.Object({ onDate: Text, chlorideMgl: Num, content: Text });

/** A responsible person of a work (a change given in part keeps the stored rest). */
const Person = Opt(Type.Object({ name: Text, post: Text, phone: Text }));
/** 水利工程 and its three responsible persons (所在街道 none: the flood department's). */
const work = { name: Text, kind: Text, location: Text, orgId: Unit, admin: Person, tech: Person, patrol: Person };
export const WorkBody = Type.Object(work);
/** 责任人变更, with its reason. */
export const WorkPatch = Type.Object({ ...work, reason: Text, ...Version });

/** 责任人名单公示. */
export const DisclosureBody = Type.Object({ year: Num, publishedOn: Text, note: Text });

/** 排班: the lines of the days it covers. */
export const RosterBody = Type.Object({
  entries: Type.Array(Type.Object({ date: Type.String(), shift: Type.String(), role: Type.String(), person: Type.String(), phone: Text }), { maxItems: 5000 }),
});
