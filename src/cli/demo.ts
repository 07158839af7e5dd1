import type { System } from '../core/system.js';
import { runDemo } from '../core/demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoUscc } from '../modules/system/demo.js';

/** The demo bureau: 广州市天河区水务局 (division code 440106). */
export const DEMO_TENANT = { name: '广州市天河区水务局', divisionCode: '440106', uscc: demoUscc(1) };

export async function loadDemo(sys: System, opts: { seed?: number; log: (m: string) => void }): Promise<void> {
  const started = Date.now();
  await runDemo(sys, { tenant: DEMO_TENANT, seed: opts.seed ?? 2022, log: opts.log });
  opts.log(`演示局“${DEMO_TENANT.name}”已载入（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}

/** The demo accounts, printed by `npm start`. */
export function demoAccountsText(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${a.name}（${a.org}）`);
  return [`演示账号（密码均为 ${DEMO_PASSWORD}）：`, ...lines].join('\n');
}
