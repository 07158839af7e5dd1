import type { Ctx } from './context.js';
import type { System } from './system.js';
import { systemActor } from './context.js';
import { createTenant, listTenants } from './tenant.js';
import { AppError } from './errors.js';
import { write } from './audit/audit.js';
import { sealUntraced } from './audit/records.js';

/**
 * What a module's demo loader receives: the one command context (the system actor of the demo
 * tenant, with every permission; the calendar; the clock) and the demo's own tools.
 */
export interface DemoContext extends Ctx {
  sys: System;
  tenantId: string;
  /** Deterministic random numbers in [0, 1): the same seed gives the same bureau. */
  random: () => number;
  log(message: string): void;
}

/** The demo's generator is the draw's (mulberry32). */
import { seededRandom } from './draw.js';
export { seededRandom };

/** Derives a module's own seed, so adding a module does not change the others' data. */
export function moduleSeed(seed: number, moduleKey: string): number {
  let h = seed >>> 0;
  for (const ch of moduleKey) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/**
 * Loads the demo bureau into an empty database: creates the tenant, then runs
 * each module's demo loader in manifest order.
 */
export async function runDemo(
  sys: System,
  opts: { tenant: { name: string; divisionCode: string; uscc?: string }; seed: number; log: (m: string) => void },
): Promise<string> {
  if ((await listTenants(sys.db)).length) throw new AppError('NOT_EMPTY', '数据库不为空：演示数据只能载入空数据库（可用 --data 指定新目录）', 1);
  const { tenantId } = await createTenant(sys.db, opts.tenant);
  for (const m of sys.registry.modules) {
    if (!m.demo) continue;
    await m.demo({ ...sys.ctx(systemActor(tenantId, '演示数据')), sys, tenantId, random: seededRandom(moduleSeed(opts.seed, m.key)), log: opts.log });
  }
  // Rows a demo loader wrote directly (reference registers, fixtures) get a recorded state, so
  // `fazhi audit verify --records` starts from a clean bureau.
  await write(sys.ctx(systemActor(tenantId, '演示数据')), (w) => sealUntraced(w.tx, tenantId, (inputs) => w.auditMany(inputs)));
  return tenantId;
}
