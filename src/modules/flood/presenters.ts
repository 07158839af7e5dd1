import type { Selectable } from 'kysely';
import { publicPhone } from './rules.js';
import { openPhone } from './pii.js';
import type { FloodTables } from './schema.js';
import type { DeploymentView, DispatchView, DutyView, ProgressView, ProjectView, PublicWorkView, RiskPointView, WarningView, WorkView } from './schemas.js';

type Row<K extends keyof FloodTables> = Selectable<FloodTables[K]>;
type Names = Map<string, string>;

/** 水浸风险点 as the API presents it: its fields (as audited), its street's name, its version. */
export function presentRiskPoint(r: Row<'flood_risk_point'>, names: Names): RiskPointView {
  return { id: r.id, ...riskPointAudit(r), street: names.get(r.org_id) ?? '', version: r.version };
}

/** The fields a risk point's audit events carry (camelCase, as presented). */
export function riskPointAudit(r: Row<'flood_risk_point'>) {
  return {
    code: r.code,
    name: r.name,
    orgId: r.org_id,
    lng: r.lng == null ? null : Number(r.lng),
    lat: r.lat == null ? null : Number(r.lat),
    riskLevel: r.risk_level,
    registeredOn: r.registered_on,
    measure: r.measure,
    status: r.status,
    completedOn: r.completed_on,
    adminPerson: r.admin_person,
    techPerson: r.tech_person,
    patrolPerson: r.patrol_person,
  };
}

export function presentProgress(r: Row<'flood_risk_progress'>): ProgressView {
  return { id: r.id as string, onDate: r.on_date as string, status: r.status, note: r.note as string, createdBy: r.created_by as string };
}

export function presentProject(r: Row<'flood_project'>, names: Names): ProjectView {
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind,
    orgId: r.org_id as string,
    orgName: names.get(r.org_id) ?? '',
    street: r.street_org_id ? (names.get(r.street_org_id) ?? null) : null,
    streetOrgId: r.street_org_id as string | null,
    startedOn: r.started_on as string | null,
    completedOn: r.completed_on as string | null,
    status: r.status as string | null,
    version: r.version as number,
  };
}

export function projectAudit(r: Row<'flood_project'>) {
  return { name: r.name, kind: r.kind, streetOrgId: r.street_org_id, startedOn: r.started_on, completedOn: r.completed_on, status: r.status };
}

export function presentDeployment(r: Row<'flood_deployment'>): DeploymentView {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    onDate: r.on_date as string,
    event: r.event as string,
    persons: r.persons as number,
    pumps: r.pumps as number,
    vehicles: r.vehicles as number,
    note: r.note as string | null,
    version: r.version as number,
  };
}

export function deploymentAudit(r: Row<'flood_deployment'>) {
  return { onDate: r.on_date, event: r.event, persons: r.persons, pumps: r.pumps, vehicles: r.vehicles, note: r.note };
}

/** A duty line; the phone is masked unless the caller may see it in full. */
export function presentDuty(r: Row<'flood_duty'>, opts: { fullPhone: boolean }): DutyView {
  const phone = openPhone(r.phone);
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    date: r.duty_date as string,
    shift: r.shift as string,
    role: r.role,
    person: r.person as string,
    phone: opts.fullPhone ? phone : publicPhone(phone) || null,
  };
}

export function presentWarning(r: Row<'flood_drought_warning'>): WarningView {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    title: r.title as string,
    level: r.level,
    startsOn: r.starts_on as string,
    endsOn: r.ends_on as string | null,
    version: r.version as number,
  };
}

export function presentDispatch(r: Row<'flood_dispatch'>): DispatchView {
  return {
    id: r.id as string,
    onDate: r.on_date as string,
    chlorideMgl: r.chloride_mgl == null ? null : Number(r.chloride_mgl),
    content: r.content as string,
    createdBy: r.created_by as string,
  };
}

/** A water work with its three responsible persons; phones masked unless `fullPhone`. */
export function presentWork(r: Row<'flood_work'>, names: Names, opts: { fullPhone: boolean }): WorkView {
  const phone = (stored: string | null) => {
    const p = openPhone(stored);
    return opts.fullPhone ? p : publicPhone(p) || null;
  };
  return {
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as string,
    location: r.location as string | null,
    orgId: r.org_id as string,
    orgName: names.get(r.org_id) ?? '',
    admin: { name: r.admin_name as string, post: r.admin_post as string | null, phone: phone(r.admin_phone) },
    tech: { name: r.tech_name as string, post: r.tech_post as string | null, phone: phone(r.tech_phone) },
    patrol: { name: r.patrol_name as string, post: r.patrol_post as string | null, phone: phone(r.patrol_phone) },
    version: r.version as number,
  };
}

/** What a work's audit events carry: names and posts; phones masked (the log is read widely). */
export function workAudit(r: Row<'flood_work'>) {
  return {
    name: r.name,
    kind: r.kind,
    location: r.location,
    orgId: r.org_id,
    adminName: r.admin_name,
    adminPost: r.admin_post,
    adminPhone: publicPhone(openPhone(r.admin_phone)) || null,
    techName: r.tech_name,
    techPost: r.tech_post,
    techPhone: publicPhone(openPhone(r.tech_phone)) || null,
    patrolName: r.patrol_name,
    patrolPost: r.patrol_post,
    patrolPhone: publicPhone(openPhone(r.patrol_phone)) || null,
  };
}

/** A work as the public list shows it (names, posts, masked phones). */
export function publicWork(r: Row<'flood_work'>, names: Names): PublicWorkView {
  const p = presentWork(r, names, { fullPhone: false });
  return { name: p.name, kind: p.kind, location: p.location, org: p.orgName, admin: p.admin, tech: p.tech, patrol: p.patrol };
}
export type PublicWork = PublicWorkView;
