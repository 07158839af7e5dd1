import type { Feature, FeatureEntity, FeatureMenuItem } from './types';
import { systemFeature } from './system';
import { ledgersFeature } from './ledgers';
import { metricsFeature } from './metrics';
import { publicityFeature } from './publicity';

/**
 * The features of the web app, in menu order. Adding a business module's UI is one
 * folder under `features/` and one line here.
 */
export const features: readonly Feature[] = [
  ledgersFeature,
  metricsFeature,
  publicityFeature,
  systemFeature,
];

/** A feature with only the menu entries the user may see (features left with none are dropped). */
export interface VisibleFeature extends Feature {
  visibleMenu: FeatureMenuItem[];
}

/** The features and menu entries a user may see, given a permission check. */
export function visibleFeatures(can: (permission?: string) => boolean): VisibleFeature[] {
  return features
    .map((f) => ({ ...f, visibleMenu: f.menu.filter((m) => can(m.permission)) }))
    .filter((f) => f.visibleMenu.length > 0);
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

/** The Chinese field names an entity's feature declares (empty when none). */
export function entityFields(entity: string): Record<string, string> {
  return entities.get(entity)?.fields ?? {};
}

/** Every declared entity, for filters. */
export function entityOptions(): Array<{ value: string; label: string }> {
  return [...entities].map(([value, e]) => ({ value, label: `${e.label}（${value}）` }));
}
