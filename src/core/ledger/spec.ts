/**
 * Ledger (台账) specs: the columns of an importable/exportable ledger, typed so that
 * the row type of a spec can be inferred (`RowOf<typeof spec>`).
 *
 * A spec is data: the parser (`parse.ts`), the writers (`write.ts`) and the template
 * all read the same spec, so a column's header, type and allowed values are written once.
 */

/**
 * The type of a column, which decides how a cell is parsed and how a value is exported.
 *
 * | type       | cell in the file                                  | value in a row                          |
 * |------------|---------------------------------------------------|-----------------------------------------|
 * | `text`     | anything                                          | `string` (trimmed)                      |
 * | `int`      | `12`, `1,200`, `5个工作日`                          | `number` (integer)                      |
 * | `decimal`  | `12.5`, `1,234.5`                                 | `number`                                |
 * | `money`    | `1,234.50`, `1234.5元`, `¥12`, `1.5万`, `三万元`     | `number` — integer **fen** (分)         |
 * | `date`     | `2022-03-01`, `2022/3/1`, `2022年3月1日`, `2022.3.1`, an Excel date | `'YYYY-MM-DD'`        |
 * | `datetime` | a date, optionally followed by `14:05` or `14:05:30` | `'YYYY-MM-DDTHH:mm:00+08:00'` (Asia/Shanghai) |
 * | `bool`     | `是`/`否`, `√`/`×`, `Y`/`N`, `有`/`无`, `1`/`0`     | `boolean`                               |
 * | `enum`     | one of `enum`                                     | `string` (the literal union)            |
 * | `list`     | items separated by `、` `,` `，` `;` `；` `/` …      | `string[]`                              |
 * | `idcard`   | 居民身份证号 (GB 11643)                              | `string` (upper-case X)                 |
 * | `uscc`     | 统一社会信用代码 (GB 32100)                           | `string` (upper case)                   |
 * | `idno`     | either of the two, decided by shape                 | `string`                                |
 */
export type ColumnType = 'text' | 'int' | 'decimal' | 'money' | 'date' | 'datetime' | 'bool' | 'enum' | 'list' | 'idcard' | 'uscc' | 'idno';

/** All column types, in a stable order (for docs and exhaustive tests). */
export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'int', 'decimal', 'money', 'date', 'datetime', 'bool', 'enum', 'list', 'idcard', 'uscc', 'idno'];

/**
 * Separators between the items of a `list` cell: `、` `,` `，` `;` `；` `/` `／`, line breaks, and
 * spaces (half- or full-width) between two Chinese characters (`张三 李四`).
 */
export const LIST_SEPARATOR = /[、,，;；/／\r\n]|(?<=\p{Script=Han})[ \t\u3000]+(?=\p{Script=Han})/u;

/** The value a parsed, non-empty cell of each column type holds. */
export interface ValueByType {
  text: string;
  int: number;
  decimal: number;
  /** Integer fen (分); 1 yuan = 100. */
  money: number;
  /** `'YYYY-MM-DD'`. */
  date: string;
  /** `'YYYY-MM-DDTHH:mm:00+08:00'`. */
  datetime: string;
  bool: boolean;
  enum: string;
  list: string[];
  idcard: string;
  uscc: string;
  idno: string;
}

/** Any parsed, non-empty cell value. */
export type CellValue = ValueByType[ColumnType];

/** A parsed row seen loosely, by column key (what column validators receive). */
export type LooseRow = Readonly<Record<string, CellValue | null>>;

/** What every column has, whatever its type. */
interface ColumnBase<K extends string> {
  /** Key of the value in a parsed row (English, camelCase). */
  readonly key: K;
  /** The Chinese header exactly as in LEDGERS.md (without the `*`). */
  readonly header: string;
  /** A required (`*`) column must be present in the header row and filled in every row. */
  readonly required?: boolean;
  /** Allowed values: required for `enum`; for `list`, restricts the items when given. */
  readonly enum?: readonly string[];
  /** An example cell, shown in the template's 填写说明. */
  readonly example?: string;
  /** A note for whoever fills the template (Chinese). */
  readonly note?: string;
}

/**
 * One column of a ledger. A union discriminated by `type`, so that `validate` receives
 * the parsed value already typed (`number` for money, `string[]` for a list, …).
 *
 * `validate` runs only on a cell that parsed and is not empty, after the whole row has
 * parsed; it returns a Chinese message when the value is not acceptable.
 */
export type ColumnSpec<K extends string = string> = {
  [T in ColumnType]: ColumnBase<K> & {
    readonly type: T;
    readonly validate?: (value: ValueByType[T], row: LooseRow) => string | undefined;
  };
}[ColumnType];

/** A problem found by a row-level check: which column (by key) it concerns, and why (Chinese). */
export interface RowIssue<K extends string = string> {
  /** Key of the column to report the issue against; omitted for a whole-row problem. */
  key?: K;
  message: string;
}

declare const rowBrand: unique symbol;

/**
 * A ledger: its key (used by the CLI and the API, e.g. `'penalty-cases'`), its Chinese title
 * (e.g. `'单位'`) and its columns. Build one with {@link defineLedgerSpec} so the row type is inferred.
 */
export interface LedgerSpec<Row = Record<string, unknown>> {
  /** Key used by the CLI and API, as in LEDGERS.md (e.g. `orgs`, `penalty-cases`). */
  readonly key: string;
  /** Chinese title, used as the sheet name and in file names (e.g. `单位`). */
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
  /**
   * Cross-column checks on a row whose cells all parsed (e.g. 结案日期 not before 立案日期).
   * Pure; no database look-ups (those belong to the importer).
   */
  checkRow?(row: Row): readonly RowIssue<Extract<keyof Row, string>>[] | undefined;
  /** Type-only carrier of the row type; never set at run time. */
  readonly [rowBrand]?: Row;
}

/** The value type of one column: the literal union for an enum declared with literals. */
export type ValueOfColumn<C> = C extends { type: 'enum'; enum: readonly (infer E extends string)[] }
  ? E
  : C extends { type: 'list'; enum: readonly (infer E extends string)[] }
    ? E[]
    : C extends { type: infer T extends ColumnType }
      ? ValueByType[T]
      : never;

type Prettify<T> = { [P in keyof T]: T[P] } & {};

/** The row type of a list of columns: required columns are non-null, the others `| null`. */
export type RowOfColumns<Cs extends readonly ColumnSpec[]> = Prettify<{
  -readonly [C in Cs[number] as C['key']]: C extends { required: true } ? ValueOfColumn<C> : ValueOfColumn<C> | null;
}>;

/** The row type of a spec built with {@link defineLedgerSpec}. */
export type RowOf<S> = S extends LedgerSpec<infer R> ? R : never;

/** What {@link defineLedgerSpec} takes. */
export interface LedgerSpecInput<C extends readonly ColumnSpec[]> {
  key: string;
  title: string;
  columns: C;
  checkRow?: (row: RowOfColumns<C>) => readonly RowIssue<Extract<keyof RowOfColumns<C>, string>>[] | undefined;
}

/**
 * Declares a ledger spec, keeping literal types so its row type can be inferred:
 *
 * ```ts
 * const orgsSpec = defineLedgerSpec({
 *   key: 'orgs', title: '单位',
 *   columns: [
 *     { key: 'name', header: '单位名称', type: 'text', required: true },
 *     { key: 'kind', header: '单位类型', type: 'enum', required: true, enum: ['局', '科室', '街道', '其他'] },
 *   ],
 * });
 * type OrgRow = RowOf<typeof orgsSpec>; // { name: string; kind: '局' | '科室' | '街道' | '其他' }
 * ```
 *
 * Checks the spec once, at definition time.
 * @throws Error on a duplicate key or header, an enum column without values, or an empty header.
 */
export function defineLedgerSpec<const C extends readonly ColumnSpec[]>(spec: LedgerSpecInput<C>): LedgerSpec<RowOfColumns<C>> & { readonly columns: C } {
  assertValidSpec(spec);
  return spec as LedgerSpec<RowOfColumns<C>> & { readonly columns: C };
}

/**
 * Normalises a header for matching: Unicode NFKC (full-width → half-width, `＊` → `*`), all
 * whitespace removed (spaces, line breaks, full-width spaces), and a required mark `*` before or
 * after removed (also before a trailing unit: `罚款金额*（元）`). `' 单位名称＊'`, `'*单位名称'` and
 * `'单位名称'` match; `'投入人员（人次）'` and `'投入人员 (人次)'` match.
 */
export function normalizeHeader(header: string): string {
  const s = header
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/^\*+|\*+$/g, '');
  const u = splitUnit(s);
  return u ? `${u.base}(${u.unit})` : s;
}

/** A normalised header split into its name and a trailing bracketed unit. */
export interface HeaderParts {
  /** The normalised header (see {@link normalizeHeader}). */
  full: string;
  /** The header without its trailing unit (`罚款金额` of `罚款金额(万元)`); `full` when there is none. */
  base: string;
  /** The unit in the trailing brackets (`万元`, `km`, `工作日`), if any. */
  unit?: string;
}

function splitUnit(s: string): { base: string; unit: string } | undefined {
  const m = /^(.+?)\*?[([【]([^()[\]【】]+)[)\]】]$/.exec(s);
  return m ? { base: m[1]!.replace(/\*+$/, ''), unit: m[2]! } : undefined;
}

/**
 * Splits a header into its normalised name and its trailing unit in brackets (`()`, `（）`, `[]`,
 * `【】`): `'罚款金额（万元）'` → `{ base: '罚款金额', unit: '万元' }`; `'长度 (km)'` →
 * `{ base: '长度', unit: 'km' }`; `'案件编号'` → `{ base: '案件编号' }`.
 */
export function headerParts(header: string): HeaderParts {
  const full = normalizeHeader(header);
  const u = splitUnit(full);
  return u ? { full, base: u.base, unit: u.unit } : { full, base: full };
}

/**
 * Checks a spec's internal consistency (unique keys and headers, enum values present).
 * @throws Error describing the first problem (a programming error, so in English).
 */
export function assertValidSpec(spec: { key: string; title: string; columns: readonly ColumnSpec[] }): void {
  const keys = new Set<string>();
  const headers = new Set<string>();
  if (!spec.key) throw new Error('ledger spec: empty key');
  if (!spec.title) throw new Error(`ledger spec ${spec.key}: empty title`);
  for (const c of spec.columns) {
    const h = normalizeHeader(c.header);
    if (!h) throw new Error(`ledger spec ${spec.key}: column ${c.key} has an empty header`);
    if (keys.has(c.key)) throw new Error(`ledger spec ${spec.key}: duplicate column key ${c.key}`);
    if (headers.has(h)) throw new Error(`ledger spec ${spec.key}: duplicate header ${c.header}`);
    keys.add(c.key);
    headers.add(h);
    if (c.type === 'enum' && (!c.enum || c.enum.length === 0)) {
      throw new Error(`ledger spec ${spec.key}: enum column ${c.key} has no values`);
    }
    if (c.enum && c.type !== 'enum' && c.type !== 'list') {
      throw new Error(`ledger spec ${spec.key}: column ${c.key} of type ${c.type} cannot have enum values`);
    }
    if (c.type === 'list' && c.enum?.some((v) => LIST_SEPARATOR.test(v))) {
      throw new Error(`ledger spec ${spec.key}: list column ${c.key} has an allowed value containing a separator`);
    }
  }
}
