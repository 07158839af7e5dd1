/**
 * 裁量基准 (discretion benchmark) as text. Bureaus write it as prose
 * ("情节较轻的，处5000元以下罚款；情节较重的，处5000元以上2万元以下罚款") or in the
 * compact form `轻微:0-5000（首违不罚）；一般:5000-20000`. The text is kept verbatim
 * (it is what gets published); `parseDiscretionText` derives structured levels
 * wherever the text allows and lists the parts it could not read. Pure.
 */
import type { DiscretionBasis, DiscretionLevel } from './schema.js';

/** The result of reading a 裁量基准 text: the text verbatim, the levels derived, the parts not understood. */
export interface DiscretionParse {
  /** The input, unchanged. */
  text: string;
  levels: DiscretionLevel[];
  /** Parts from which no range could be derived, each with the reason in Chinese. */
  unparsed: string[];
}

/** The longest 裁量基准 text an item may carry (a ledger cell or the item form). */
export const DISCRETION_TEXT_MAX = 4000;

/** The key and label of a level whose text names no circumstance. */
export const DEFAULT_LEVEL = { level: 'default', label: '不分情节' } as const;

export const BASIS_LABELS: Record<DiscretionBasis, string> = { illegal_gains: '违法所得', goods_value: '货值金额' };

/** Circumstance wordings → level keys, most specific first. */
const LEVEL_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/首次|第一次|初次|首违/, 'first'],
  [/第二次|再次|二次/, 'repeat'],
  [/第三次|三次以上|多次/, 'multiple_times'],
  [/特别严重/, 'extreme'],
  [/较重/, 'serious'],
  [/严重/, 'grave'],
  [/较轻/, 'light'],
  [/轻微/, 'minor'],
  [/一般/, 'ordinary'],
  [/逾期不改正|逾期未改正|逾期仍不改正|拒不改正/, 'uncorrected'],
  [/没有违法所得|无违法所得|违法所得无法计算/, 'no_illegal_gains'],
  [/对个人|自然人/, 'person'],
  [/对单位|单位/, 'organisation'],
];

/** The level key for a circumstance label: a known wording, else the label itself. */
export function levelKey(label: string): string {
  for (const [re, key] of LEVEL_PATTERNS) if (re.test(label)) return key;
  return label;
}

// ── Text normalisation (one character for one, so indices stay valid in the original) ──

const FULL_WIDTH: Record<string, string> = { '％': '%', '．': '.', '－': '-', '～': '~', '：': ':', '　': ' ' };

/** Full-width digits and signs to ASCII, character for character (the length is kept). */
function normalise(text: string): string {
  const out = text.split('').map((c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return FULL_WIDTH[c] ?? c;
  });
  // A full-width comma between a digit and exactly three digits is a thousands separator.
  for (let i = 1; i < out.length - 3; i++) {
    if (out[i] === '，' && /\d/.test(out[i - 1]!) && /^\d{3}$/.test(out.slice(i + 1, i + 4).join('')) && !/\d/.test(out[i + 4] ?? '')) out[i] = ',';
  }
  return out.join('');
}

/** Parenthesis depth before each character (（ and ( open, ） and ) close). */
function depths(s: string): number[] {
  const d: number[] = [];
  let depth = 0;
  for (const c of s) {
    if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    d.push(depth);
    if (c === '（' || c === '(') depth++;
  }
  return d;
}

// ── Numbers ──

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** A numeral as written ("1.5万", "5,000", "三十万", "壹万伍仟", "2千") → its value, or null. */
export function parseNumeral(raw: string): number | null {
  const s = raw.replace(/\s+/g, '').replace(/,/g, '');
  if (!s) return null;
  let total = 0;
  let section = 0;
  let num = 0;
  let seen = false;
  for (let i = 0; i < s.length; ) {
    const m = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (m) {
      num = Number(m[0]);
      seen = true;
      i += m[0].length;
      continue;
    }
    const c = s[i]!;
    if (c in CN_DIGITS) {
      num = CN_DIGITS[c]!;
      seen = true;
    } else if (c in CN_UNITS) {
      section += (seen || num ? num : 1) * CN_UNITS[c]!;
      if (!seen && !num) seen = true;
      num = 0;
    } else if (c === '万' || c === '萬') {
      total += (section + num) * 10_000;
      section = 0;
      num = 0;
    } else return null;
    i++;
  }
  const v = total + section + num;
  return seen && Number.isFinite(v) ? v : null;
}

// ── Tokens: money amounts and multiples ──

interface Token {
  start: number;
  end: number;
  family: 'money' | 'multiple';
  /** Yuan for money, a factor for multiples (百分之十 = 0.1). */
  value: number;
  /** Money written with 元. */
  yuan: boolean;
  /** The numeral ends in 千/万 (its own unit). */
  scale: number | null;
  /** A percentage (for "10-30%": the bare first number is a percentage too). */
  percent: boolean;
}

const CN_NUM = '[零〇一二两三四五六七八九十百千万萬壹贰叁肆伍陆柒捌玖拾佰仟]+';
const AR_NUM = '\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:\\s*[千万])?';
const NUM = `(?:${AR_NUM}|${CN_NUM})`;
const TOKEN_RE = new RegExp(`百分之(${NUM})|(\\d+(?:\\.\\d+)?)\\s*%|(等值)|(${NUM})\\s*倍|(${NUM})(\\s*元)?`, 'g');
const HAS_DIGIT = /[\d零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]/;
/** What may follow a number written without 元 for it to be read as money. */
const BARE_FOLLOW = /^(?:$|[\s，,；;。、:)）（(\-~—–至到]|以上|以下|以内|之内|罚款|的罚款)/;

function tokens(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (s[start - 1] === '第') continue;
    if (m[1] !== undefined || m[2] !== undefined) {
      const v = m[1] !== undefined ? parseNumeral(m[1]) : Number(m[2]);
      if (v !== null && Number.isFinite(v)) out.push({ start, end, family: 'multiple', value: v / 100, yuan: false, scale: null, percent: true });
      continue;
    }
    if (m[3] !== undefined) {
      out.push({ start, end, family: 'multiple', value: 1, yuan: false, scale: null, percent: false });
      continue;
    }
    const raw = m[4] ?? m[5] ?? '';
    if (!HAS_DIGIT.test(raw)) continue;
    const v = parseNumeral(raw);
    if (v === null) continue;
    if (m[4] !== undefined) {
      out.push({ start, end, family: 'multiple', value: v, yuan: false, scale: null, percent: false });
      continue;
    }
    const yuan = !!m[6];
    if (!yuan && !BARE_FOLLOW.test(s.slice(end).trimStart())) continue;
    const last = raw.trim().slice(-1);
    out.push({
      start,
      end,
      family: 'money',
      value: v,
      yuan,
      scale: last === '万' || last === '萬' ? 10_000 : last === '千' || last === '仟' ? 1000 : null,
      percent: false,
    });
  }
  return out;
}

/** A number written without 元 after a bound word is money only before 罚款 ("5万以下罚款"). */
const BARE_BOUND_OK = /^(?:以上|以下|以内|之内)\s*(?:的)?\s*罚款/;

interface Range {
  start: number;
  end: number;
  family: 'money' | 'multiple';
  min: number;
  max: number | null;
  /** The upper bound excludes its number (不足/不满): one fen less. */
  maxExclusive: boolean;
}

const CONNECTOR = /^\s*(?:以上\s*[、，,]?\s*(?:不超过|不高于|至|到)?|[至到\-~—–]|以上至)\s*$/;
const UPPER_AFTER = /^\s*(?:以下|以内|之内|之下)/;
const LOWER_AFTER = /^\s*以上/;
const UPPER_BEFORE = /(?:不超过|不高于|不得超过|最高|最多)\s*$/;
const EXCLUSIVE_BEFORE = /(?:不足|不满|低于)\s*$/;
const LOWER_BEFORE = /(?:不低于|不少于|最低)\s*$/;
const FIXED_AFTER = /^\s*(?:(?:的)?\s*罚款|$)/;

/** True when the token sits in a condition clause ("违法所得不足1万元的，…"), not in the penalty. */
function inCondition(s: string, depth: number[], t: Token): boolean {
  for (let i = t.end; i < s.length; i++) {
    if ((s[i] === '，' || s[i] === ',') && depth[i] === 0) return s.slice(t.end, i).trimEnd().endsWith('的');
    if (s[i] === '；' || s[i] === ';') break;
  }
  return false;
}

/** The penalty ranges of one part, in order. */
function ranges(s: string, depth: number[]): Range[] {
  const ts = tokens(s).filter((t) => !inCondition(s, depth, t));
  const out: Range[] = [];
  let prevEnd = 0;
  for (let i = 0; i < ts.length; i++) {
    const a = ts[i]!;
    const b = ts[i + 1];
    if (b && CONNECTOR.test(s.slice(a.end, b.start))) {
      let lo = { ...a };
      let hi = { ...b };
      if (lo.family === 'money' && !lo.yuan && !lo.scale && hi.family === 'multiple')
        lo = { ...lo, family: 'multiple', value: hi.percent ? lo.value / 100 : lo.value };
      if (lo.family === 'multiple' && hi.family === 'money' && !hi.yuan) hi = { ...hi, family: 'multiple', value: lo.percent ? hi.value / 100 : hi.value };
      if (lo.family === hi.family) {
        if (lo.family === 'money' && !lo.yuan && !lo.scale && hi.scale && lo.value * hi.scale <= hi.value) lo.value *= hi.scale;
        const after = /^\s*(?:以下|以内|之内)/.exec(s.slice(b.end));
        const end = b.end + (after ? after[0].length : 0);
        out.push({ start: a.start, end, family: lo.family, min: lo.value, max: hi.value, maxExclusive: false });
        prevEnd = end;
        i++;
        continue;
      }
    }
    const after = s.slice(a.end);
    const before = s.slice(prevEnd, a.start);
    const bareOk = a.family === 'multiple' || a.yuan || BARE_BOUND_OK.test(after);
    let r: Omit<Range, 'start' | 'end'> | null = null;
    let end = a.end;
    if (UPPER_AFTER.test(after) && bareOk) {
      r = { family: a.family, min: 0, max: a.value, maxExclusive: false };
      end += UPPER_AFTER.exec(after)![0].length;
    } else if (EXCLUSIVE_BEFORE.test(before) && (a.yuan || a.family === 'multiple'))
      r = { family: a.family, min: 0, max: a.value, maxExclusive: a.family === 'money' };
    else if (UPPER_BEFORE.test(before) && (a.yuan || a.family === 'multiple')) r = { family: a.family, min: 0, max: a.value, maxExclusive: false };
    else if (LOWER_AFTER.test(after) && bareOk) {
      r = { family: a.family, min: a.value, max: null, maxExclusive: false };
      end += LOWER_AFTER.exec(after)![0].length;
    } else if (LOWER_BEFORE.test(before) && (a.yuan || a.family === 'multiple')) r = { family: a.family, min: a.value, max: null, maxExclusive: false };
    else if (FIXED_AFTER.test(after) && (a.yuan || a.family === 'multiple')) r = { family: a.family, min: a.value, max: a.value, maxExclusive: false };
    if (r) {
      out.push({ start: a.start, end, ...r });
      prevEnd = end;
    }
  }
  return out;
}

// ── Parts ──

interface Part {
  /** Normalised text of the part. */
  s: string;
  /** The same span of the original text. */
  o: string;
}

const SEPARATORS = new Set(['；', ';', '。', '\n', '\r']);
/** Item numbers: "1." "2、" "（一）" "(3)" "①". */
const ITEM_MARK = /^(?:\d{1,2}[.、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/;

/** Splits a text at ；/;/。/line breaks and item numbers, outside parentheses. */
function splitParts(text: string): Part[] {
  const s = normalise(text);
  const depth = depths(s);
  const parts: Part[] = [];
  let from = 0;
  const cut = (to: number, next: number) => {
    const seg = s.slice(from, to);
    const lead = seg.length - seg.trimStart().length;
    const ps = seg.trim();
    if (ps && !/^[，,、:\s]*$/.test(ps)) parts.push({ s: ps, o: text.slice(from + lead, from + lead + ps.length) });
    from = next;
  };
  for (let i = 0; i < s.length; i++) {
    if (depth[i] !== 0) continue;
    if (SEPARATORS.has(s[i]!)) {
      cut(i, i + 1);
      continue;
    }
    const prev = s[i - 1] ?? '';
    if (/[\d.]/.test(prev)) continue;
    const m = ITEM_MARK.exec(s.slice(i));
    if (m && (i === from || /[\s，,：:]/.test(prev) || /[\u4e00-\u9fff]/.test(prev))) {
      if (m[0].startsWith('（') || m[0].startsWith('(') ? true : /^\d/.test(m[0]) ? !/\d/.test(s[i + m[0].length] ?? '') : true) {
        cut(i, i + m[0].length);
        i += m[0].length - 1;
      }
    }
  }
  cut(s.length, s.length);
  return parts;
}

const WAIVER = /不予(?:行政)?处罚|免予(?:行政)?处罚|免于(?:行政)?处罚|首违不罚|可以不予处罚/;
/** Verbs that start the penalty after the circumstance ("情节较轻的，处…", "一般情节处…"). */
const VERB = /(?:可以|可|应当|应|并|予以)?(?:处以|处(?![理置分罚所])|给予|责令|没收|罚款)/;
/** A prefix is taken as the circumstance when it looks like one. */
const LOOKS_LIKE_CIRCUMSTANCE = /的$|情节|轻微|较轻|一般|较重|严重|首次|初次|再次|第.次|逾期|拒不|^对/;

function trimLabel(l: string): string {
  return l.replace(/^[\s，,、:]+|[\s，,、:]+$/g, '');
}

/** The circumstance label (original text) of a part whose penalty starts at `at`. */
function labelOf(p: Part, at: number): string {
  const colon = p.s.slice(0, at).search(/:/);
  if (colon >= 0) return trimLabel(p.o.slice(0, colon));
  const prefix = p.s.slice(0, at);
  const v = VERB.exec(prefix);
  let label = trimLabel(p.o.slice(0, v ? v.index : at));
  // "限期改正，逾期不改正的" — the circumstance is the last clause ending in 的.
  const clauses = label.split(/[，,]/);
  if (clauses.length > 1 && clauses.at(-1)!.trim().endsWith('的')) label = trimLabel(clauses.at(-1)!);
  return label && LOOKS_LIKE_CIRCUMSTANCE.test(label) ? label : '';
}

/** The base a multiple refers to: the last 违法所得 / 货值 before it. */
function basisOf(s: string, at: number): DiscretionBasis | null {
  const before = s.slice(0, at);
  const g = before.lastIndexOf('违法所得');
  const v = before.lastIndexOf('货值');
  if (g < 0 && v < 0) return null;
  return g > v ? 'illegal_gains' : 'goods_value';
}

const fen = (yuan: number) => Math.round(yuan * 100);

/** One part with at most one penalty range → a level, or the reason it gives none. */
function partLevel(p: Part, r: Range | undefined): { level: Omit<DiscretionLevel, 'level'> & { key: string } } | { unparsed: string } {
  const waiver = WAIVER.test(p.s);
  if (!r) {
    if (waiver) {
      const w = WAIVER.exec(p.s)!;
      const colon = p.s.search(/:/);
      let label = colon >= 0 && colon < w.index ? trimLabel(p.o.slice(0, colon)) : trimLabel(p.o.slice(0, w.index).replace(/(?:可以|可|应当|应|依法)$/, ''));
      label = trimLabel(label.replace(/(?:可以|可|应当|应|依法)$/, ''));
      if (!label) label = trimLabel(p.o);
      return { level: { key: levelKey(label), label, minFen: 0, maxFen: 0, waiver: true } };
    }
    const why = /倍|百分之|%/.test(p.s)
      ? '未能读出倍数区间'
      : /罚款/.test(p.s)
        ? '未写明可读的罚款金额'
        : /警告|通报批评|责令|没收|吊销|暂扣|停产停业/.test(p.s)
          ? '未含罚款（仅有其他处罚或措施）'
          : '未含罚款金额或倍数';
    return { unparsed: `“${p.o}”：${why}` };
  }
  if (r.max !== null && r.min > r.max) return { unparsed: `“${p.o}”：最低额大于最高额` };
  const label = labelOf(p, r.start);
  const named = label || DEFAULT_LEVEL.label;
  const key = label ? levelKey(label) : DEFAULT_LEVEL.level;
  const w = waiver ? { waiver: true } : {};
  if (r.family === 'multiple') {
    const basis = basisOf(p.s, r.start);
    if (!basis) return { unparsed: `“${p.o}”：按倍数计罚但未写明基数（违法所得或货值金额）` };
    return { level: { key, label: named, minFen: 0, maxFen: null, basis, minMultiple: r.min, maxMultiple: r.max, ...w } };
  }
  const maxFen = r.max === null ? null : fen(r.max) - (r.maxExclusive ? 1 : 0);
  return { level: { key, label: named, minFen: fen(r.min), maxFen, ...w } };
}

/**
 * Reads a 裁量基准 text. Never throws and never refuses: the text is returned
 * verbatim; each part (split at ；/;/。/line breaks/item numbers "1." "（一）")
 * gives a level when a fine range can be read from it — a money range (元/千元/万元,
 * Arabic or Chinese numerals, 以上/以下/以内/不超过/不足/至/-), an open upper bound
 * ("X元以上": maxFen null), or a multiple of 违法所得/货值金额 (倍, 百分之N, %) —
 * with its circumstance label as written, a normalised level key and 不予处罚/首违不罚
 * as a waiver; a part with several ranges is split at the comma before each.
 * Parts with no range are listed in `unparsed`, each with the reason in Chinese.
 */
export function parseDiscretionText(text: string): DiscretionParse {
  const levels: DiscretionLevel[] = [];
  const unparsed: string[] = [];
  const seen = new Map<string, number>();
  const push = (l: Omit<DiscretionLevel, 'level'> & { key: string }) => {
    const n = (seen.get(l.key) ?? 0) + 1;
    seen.set(l.key, n);
    const { key, ...rest } = l;
    levels.push({ level: n > 1 ? `${key}_${n}` : key, ...rest });
  };
  for (const part of splitParts(text ?? '')) {
    const depth = depths(part.s);
    const rs = ranges(part.s, depth);
    if (rs.length <= 1) {
      const r = partLevel(part, rs[0]);
      if ('level' in r) push(r.level);
      else unparsed.push(r.unparsed);
      continue;
    }
    // Several ranges: split at the first top-level comma after each range (else at the range itself).
    let from = 0;
    for (let k = 0; k < rs.length; k++) {
      let to = part.s.length;
      const next = rs[k + 1];
      if (next) {
        to = next.start;
        for (let i = rs[k]!.end; i < next.start; i++) {
          if ((part.s[i] === '，' || part.s[i] === ',') && depth[i] === 0) {
            to = i + 1;
            break;
          }
        }
      }
      const sub: Part = { s: part.s.slice(from, to), o: part.o.slice(from, to) };
      const lead = sub.s.length - sub.s.trimStart().length;
      const trimmed: Part = { s: sub.s.trim(), o: sub.o.slice(lead, lead + sub.s.trim().length) };
      const r = partLevel(trimmed, { ...rs[k]!, start: rs[k]!.start - from - lead, end: rs[k]!.end - from - lead });
      if ('level' in r) push(r.level);
      else unparsed.push(r.unparsed);
      from = to;
    }
  }
  return { text, levels, unparsed };
}

/**
 * The old compact form, strictly (`情节:最低-最高元；…`, optional `（首违不罚）`).
 * Kept for callers that want the strict check; the ledger and the item form use
 * `parseDiscretionText`, which accepts any text.
 */
export function parseDiscretion(text: string): { levels: DiscretionLevel[] } | { error: string } {
  const parts = text
    .split(/[；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const part of parts) {
    const m = /^([^:：]+)[:：]\s*([\d,.]+)\s*[-—~～至]\s*([\d,.]+)\s*元?\s*([（(]首违不罚[)）])?$/.exec(part);
    if (!m) return { error: `“${part}”应写成“情节:最低-最高元”，如“一般:5000-20000”` };
    if (!(Number(m[2]!.replace(/,/g, '')) <= Number(m[3]!.replace(/,/g, '')))) return { error: `“${part}”的最低金额大于最高金额` };
  }
  return { levels: parseDiscretionText(text).levels };
}

/** A multiple as written in Chinese: 0.1 → "10%", 3 → "3倍". */
export function formatMultiple(m: number): string {
  return m < 1 ? `${Math.round(m * 10_000) / 100}%` : `${m}倍`;
}

/** A level's range in words, e.g. "5000—20000元", "50000元以上", "违法所得的1倍—3倍". */
export function describeRange(l: DiscretionLevel): string {
  if (l.basis) {
    const base = BASIS_LABELS[l.basis];
    const lo = l.minMultiple ?? 0;
    const hi = l.maxMultiple ?? null;
    if (hi === null) return `${base}的${formatMultiple(lo)}以上`;
    return lo === 0 ? `${base}的${formatMultiple(hi)}以下` : `${base}的${formatMultiple(lo)}—${formatMultiple(hi)}`;
  }
  if (l.maxFen === null) return `${l.minFen / 100}元以上`;
  return `${l.minFen / 100}—${l.maxFen / 100}元`;
}

/** The compact text form of structured levels (what the ledger exports when an item has no text). */
export function formatDiscretion(levels: readonly DiscretionLevel[]): string {
  return levels
    .map((l) => {
      const w = l.waiver ? '（首违不罚）' : '';
      if (l.basis) {
        const base = BASIS_LABELS[l.basis];
        const lo = l.minMultiple ?? 0;
        const hi = l.maxMultiple ?? null;
        const pct = (lo > 0 && lo < 1) || (hi !== null && hi > 0 && hi < 1);
        const n = (m: number) => (pct ? `${Math.round(m * 10_000) / 100}%` : `${m}倍`);
        return `${l.label}:${base}${hi === null ? `${n(lo)}以上` : `${n(lo)}至${n(hi)}`}${w}`;
      }
      return l.maxFen === null ? `${l.label}:${l.minFen / 100}元以上${w}` : `${l.label}:${l.minFen / 100}-${l.maxFen / 100}${w}`;
    })
    .join('；');
}
