import type { ModuleDef } from '../core/module.js';
import { systemModule } from './system/module.js';
import { publicityModule } from './publicity/module.js';
import { licensingModule } from './licensing/module.js';
import { legalModule } from './legal/module.js';
import { staffModule } from './staff/module.js';
import { inspectionsModule } from './inspections/module.js';
import { floodModule } from './flood/module.js';
import { riversModule } from './rivers/module.js';
import { demandsModule } from './demands/module.js';
import { hotlineModule } from './hotline/module.js';
import { petitionsModule } from './petitions/module.js';
import { proposalsModule } from './proposals/module.js';
import { disclosureModule } from './disclosure/module.js';
import { enforcementModule } from './enforcement/module.js';
import { litigationModule } from './litigation/module.js';
import { decisionsModule } from './decisions/module.js';
import { reportsModule } from './reports/module.js';

/**
 * The modules of the product, in load order. Adding a business area is one
 * folder under src/modules and one line here.
 */
export const modules: readonly ModuleDef[] = [
  systemModule,
  publicityModule,
  enforcementModule,
  licensingModule,
  legalModule,
  staffModule,
  inspectionsModule,
  floodModule,
  riversModule,
  demandsModule,
  hotlineModule,
  petitionsModule,
  proposalsModule,
  disclosureModule,
  litigationModule,
  decisionsModule,
  // Reports read every other module's metrics: keep it last.
  reportsModule,
];
