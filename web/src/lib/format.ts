/** Display helpers. The business timezone is Asia/Shanghai whatever the browser's zone. */

const TZ = 'Asia/Shanghai';

const instantFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai. */
export function formatInstant(iso: string | Date | null | undefined): string {
  if (!iso) return '';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = Object.fromEntries(instantFmt.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's date (`YYYY-MM-DD`) in Asia/Shanghai. */
export function todayShanghai(now = new Date()): string {
  return formatInstant(now).slice(0, 10);
}

/** A stored value as text: empty → （空）, arrays joined, objects as JSON. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => formatValue(x)).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const yuanFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A sum of money in yuan, the one way the app writes it: thousands separated, two decimals, `元`
 * (`unit: false` where the column header already says （元）). Empty for null.
 */
export function formatYuan(v: number | null | undefined, opts: { unit?: boolean } = {}): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  return `${yuanFmt.format(v)}${opts.unit === false ? '' : '元'}`;
}
