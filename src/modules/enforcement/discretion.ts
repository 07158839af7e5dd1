/**
 * 裁量基准 as text in the enforcement-items ledger: levels separated by `；` or `;`,
 * each `情节:最低-最高元`, optionally `（首违不罚）`, e.g.
 * `轻微:0-5000（首违不罚）；一般:5000-20000；严重:20000-50000`. Pure.
 */
import type { DiscretionLevel } from './schema.js';

const LEVEL_KEYS: Record<string, string> = { 轻微: 'minor', 一般: 'ordinary', 较重: 'serious', 严重: 'grave', 特别严重: 'extreme' };

/** Parses the text form; returns the levels, or an error message naming the bad part. */
export function parseDiscretion(text: string): { levels: DiscretionLevel[] } | { error: string } {
  const parts = text.split(/[；;]/).map((s) => s.trim()).filter(Boolean);
  const levels: DiscretionLevel[] = [];
  for (const part of parts) {
    const m = /^([^:：]+)[:：]\s*([\d,.]+)\s*[-—~～至]\s*([\d,.]+)\s*元?\s*([（(]首违不罚[)）])?$/.exec(part);
    if (!m) return { error: `“${part}”应写成“情节:最低-最高元”，如“一般:5000-20000”` };
    const min = Math.round(Number(m[2]!.replace(/,/g, '')) * 100);
    const max = Math.round(Number(m[3]!.replace(/,/g, '')) * 100);
    if (!(min <= max)) return { error: `“${part}”的最低金额大于最高金额` };
    const label = m[1]!.trim();
    levels.push({ level: LEVEL_KEYS[label] ?? label, label, minFen: min, maxFen: max, ...(m[4] ? { waiver: true } : {}) });
  }
  return { levels };
}

/** The text form of structured levels (what the ledger exports). */
export function formatDiscretion(levels: readonly DiscretionLevel[]): string {
  return levels.map((l) => `${l.label}:${l.minFen / 100}-${l.maxFen / 100}${l.waiver ? '（首违不罚）' : ''}`).join('；');
}
