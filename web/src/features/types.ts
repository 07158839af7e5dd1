import type { ReactNode } from 'react';
import type { EntityLabels } from '../../../src/core/labels';

/** A side-menu entry of a feature; hidden unless the user holds `permission`. */
export interface FeatureMenuItem {
  /** Absolute path, e.g. '/system/orgs'. */
  path: string;
  label: string;
  /** Permission key as the server's `/api/auth/me` lists it, e.g. 'system.orgs.read'. */
  permission?: string;
}

/** A page of a feature; without `permission` every signed-in user may open it (the server still checks). */
export interface FeatureRoute {
  /** Absolute path (react-router syntax), e.g. '/ledgers/:key/import'. */
  path: string;
  element: ReactNode;
  permission?: string;
}

/**
 * A record type (the audit `entity`) a feature owns: its names, spread from the server module's labels
 * (`src/modules/<m>/labels.ts`: label, fields, actions, notes — declared once), and, if it has one, its page.
 */
export interface FeatureEntity extends EntityLabels {
  /** Path of the record's page, when there is one (used by the audit log and the deadline list). */
  link?: (id: string) => string;
  /** How the audit log names a record whose id is not a UUID but a composite key ('rule-of-law:2022:plan' → '2022年报告'). */
  recordLabel?: (id: string) => string;
}

/**
 * A module's UI: one folder `web/src/features/<key>/` whose `index.tsx` exports
 * one of these, plus one line in `registry.ts`. The shell builds the side menu
 * (filtered by the user's permissions) and the router from it.
 */
export interface Feature {
  /** Usually the server module's key ('system', 'enforcement' …). */
  key: string;
  /** Menu group title, e.g. '系统管理'. */
  title: string;
  icon: ReactNode;
  menu: FeatureMenuItem[];
  routes: FeatureRoute[];
  /** Pages for the public, outside the login (e.g. 行政执法公示). Their API calls must be public too. */
  publicRoutes?: Array<{ path: string; element: ReactNode }>;
  /** Record types by audit entity name ('org', 'enforcement.case' …). */
  entities?: Record<string, FeatureEntity>;
}

/** Declares a feature (typed identity). */
export function defineFeature(f: Feature): Feature {
  return f;
}
