import type { ModuleDef } from '../core/module.js';
import { systemModule } from './system/module.js';
import { publicityModule } from './publicity/module.js';

/**
 * The modules of the product, in load order. Adding a business area is one
 * folder under src/modules and one line here.
 */
export const modules: readonly ModuleDef[] = [
  systemModule,
  publicityModule,
];
