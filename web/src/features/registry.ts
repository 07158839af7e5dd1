import type { Feature, FeatureEntity, FeatureMenuItem } from './types';
import { actionLabel, NOTE_LABELS } from '../lib/auditLabels';
import { systemFeature } from './system';
import { ledgersFeature } from './ledgers';
import { metricsFeature } from './metrics';
import { dashboardFeature } from './dashboard';
import { reportsFeature } from './reports';
import { publicityFeature } from './publicity';
import { licensingFeature } from './licensing';
import { legalFeature } from './legal';
import { staffFeature } from './staff';
import { inspectionsFeature } from './inspections';
import { enforcementFeature } from './enforcement';
import { floodFeature } from './flood';
import { riversFeature } from './rivers';
import { demandsFeature } from './demands';
import { hotlineFeature } from './hotline';
import { petitionsFeature } from './petitions';
import { proposalsFeature } from './proposals';
import { disclosureFeature } from './disclosure';
import { litigationFeature } from './litigation';
import { fieldFeature } from './field';
import { decisionsFeature } from './decisions';
import { portalFeature } from './portal';

/**
 * The features of the web app, in menu order. Adding a business module's UI is one
 * folder under `features/` and one line here.
 */
export const features: readonly Feature[] = [
  dashboardFeature,
  fieldFeature,
  ledgersFeature,
  metricsFeature,
  reportsFeature,
  enforcementFeature,
  licensingFeature,
  legalFeature,
  staffFeature,
  inspectionsFeature,
  demandsFeature,
  hotlineFeature,
  petitionsFeature,
  proposalsFeature,
  disclosureFeature,
  litigationFeature,
  decisionsFeature,
  publicityFeature,
  floodFeature,
  riversFeature,
  systemFeature,
  portalFeature,
];

/** A feature with only the menu entries the user may see (features left with none are dropped). */
export interface VisibleFeature extends Feature {
  visibleMenu: FeatureMenuItem[];
}

/** The features and menu entries a user may see, given a permission check. */
export function visibleFeatures(can: (permission?: string) => boolean): VisibleFeature[] {
  return features.map((f) => ({ ...f, visibleMenu: f.menu.filter((m) => can(m.permission)) })).filter((f) => f.visibleMenu.length > 0);
}

/** The visible menu entry whose path is the longest prefix of a page's path (a record page belongs to its list's entry). */
export function currentMenuEntry(visible: readonly VisibleFeature[], pathname: string): { path: string; label: string; feature: VisibleFeature } | undefined {
  return visible
    .flatMap((f) => f.visibleMenu.map((m) => ({ path: m.path, label: m.label, feature: f })))
    .filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

const entities: ReadonlyMap<string, FeatureEntity> = new Map(features.flatMap((f) => Object.entries(f.entities ?? {})));

/** The Chinese name of an audit entity ('org' → '单位'), or the entity itself when no feature declares it. */
export function entityLabel(entity: string): string {
  return entities.get(entity)?.label ?? entity;
}

/** The page of a record, when its feature declares one. */
export function entityLink(entity: string, id: string): string | undefined {
  return entities.get(entity)?.link?.(id);
}

/** How the audit log names a record with a composite id, when its feature says so. */
export function entityRecordLabel(entity: string, id: string): string | undefined {
  return entities.get(entity)?.recordLabel?.(id);
}

/** The Chinese field names an entity's feature declares (empty when none). */
export function entityFields(entity: string): Readonly<Record<string, string>> {
  return entities.get(entity)?.fields ?? {};
}

/** The Chinese name of an audit verb on an entity: the entity's own label first, then the shared one. */
export function entityActionLabel(entity: string, action: string): string {
  return entities.get(entity)?.actions?.[action] ?? actionLabel(action);
}

/** The Chinese name of a note key on an entity's events. */
export function entityNoteLabel(entity: string, key: string): string {
  return entities.get(entity)?.notes?.[key] ?? NOTE_LABELS[key] ?? key;
}

/** Every declared entity, for filters (by its Chinese name: no two features declare the same one). */
export function entityOptions(): Array<{ value: string; label: string }> {
  return [...entities].map(([value, e]) => ({ value, label: e.label }));
}
