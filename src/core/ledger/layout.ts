/**
 * The layout of a ledger sheet as bureaus really keep it: title rows above the header, a header
 * band of one or two rows (a group header merged over sub-headers), and blank, signature, total
 * and note rows after the data. Found with the spec's headers; pure.
 */
import { isEmptyCell, rawCellText } from './cells.js';
import { HEADER_SEARCH_ROWS, type SheetRow } from './files.js';
import { headerParts, type ColumnSpec } from './spec.js';

/** A header of the file matched to a column of the spec. */
export interface HeaderMatchOf {
  column: ColumnSpec;
  /** The unit for the column's cells: the file header's trailing unit, else the spec header's. */
  unit?: string;
}

/** Matches file headers to spec columns (see {@link HeaderMatcher.match}). */
export interface HeaderMatcher {
  /**
   * The column a header names: equal after {@link normalizeHeader} first; otherwise equal once a
   * trailing bracketed unit is ignored on either side (`罚款金额（元）` = `罚款金额`, `长度（公里）` =
   * `长度 (km)`, `角色` = `角色 (A角/B角)`), when that names exactly one column.
   */
  match(text: unknown): HeaderMatchOf | undefined;
}

/** Builds a {@link HeaderMatcher} for a spec's columns. */
export function headerMatcher(columns: readonly ColumnSpec[]): HeaderMatcher {
  const exact = new Map<string, ColumnSpec>();
  const byBase = new Map<string, ColumnSpec[]>();
  const specUnit = new Map<string, string | undefined>();
  for (const c of columns) {
    const p = headerParts(c.header);
    exact.set(p.full, c);
    byBase.set(p.base, [...(byBase.get(p.base) ?? []), c]);
    specUnit.set(c.key, p.unit);
  }
  return {
    match(text: unknown): HeaderMatchOf | undefined {
      if (isEmptyCell(text)) return undefined;
      const p = headerParts(rawCellText(text));
      if (p.full === '') return undefined;
      const hit = exact.get(p.full) ?? single(byBase.get(p.base));
      if (!hit) return undefined;
      const unit = p.unit ?? specUnit.get(hit.key);
      return unit === undefined ? { column: hit } : { column: hit, unit };
    },
  };
}

function single<T>(xs: readonly T[] | undefined): T | undefined {
  return xs && xs.length === 1 ? xs[0] : undefined;
}

/** One column of the file that has a header. */
export interface FileColumn {
  /** 0-based column index (0 = column A). */
  col: number;
  /** The header as written (from whichever row of the header band names the column). */
  header: string;
  /** The spec column it names, if any. */
  match?: HeaderMatchOf;
}

/** Where the header and the data of a sheet are. */
export interface SheetLayout {
  /** The row that best matches the spec's headers (errors about headers are reported on it). */
  headerRow: number;
  /** The rows of the header band, in order (the header row, and the group/sub-header row if any). */
  bandRows: number[];
  /** Columns with a header. */
  columns: FileColumn[];
  /** Non-empty rows above the band (titles). */
  titleRows: SheetRow[];
  /** Non-empty rows below the band. */
  bodyRows: SheetRow[];
}

function nonEmpty(row: SheetRow, col: number): boolean {
  return !isEmptyCell(row.cells[col]);
}

/**
 * Finds the header band of a sheet: the header row is the row among the first
 * {@link HEADER_SEARCH_ROWS} that names the most spec columns (required ones count double; ties
 * go to the upper row). An adjacent row joins the band when it names columns the header row does
 * not (sub-headers under a group header, or the row above when the header row holds the
 * sub-headers) or repeats the header row's headers (a header merged down over both rows), and
 * more of its cells are headers than not (at least as many, for the row above). For each column, the header is taken from the header
 * row when it names a spec column, else from the other band row when that one does (a group
 * header or an empty cell gives way to its sub-header), else whatever text is there.
 *
 * @param fixedHeaderIndex take this row (index in `sheet`) as the header row, without searching.
 */
export function findLayout(columns: readonly ColumnSpec[], sheet: readonly SheetRow[], fixedHeaderIndex?: number): SheetLayout {
  const matcher = headerMatcher(columns);
  const matchedKeys = (row: SheetRow): Set<string> => {
    const keys = new Set<string>();
    row.cells.forEach((v) => {
      const m = matcher.match(v);
      if (m) keys.add(m.column.key);
    });
    return keys;
  };
  const weight = (keys: Set<string>) => columns.reduce((n, c) => n + (keys.has(c.key) ? (c.required ? 2 : 1) : 0), 0);

  let h = fixedHeaderIndex ?? 0;
  if (fixedHeaderIndex === undefined) {
    let best = 0;
    sheet.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
      const w = weight(matchedKeys(row));
      if (w > best) {
        best = w;
        h = i;
      }
    });
  }
  const header = sheet[h];
  if (!header) return { headerRow: 1, bandRows: [], columns: [], titleRows: [], bodyRows: [] };

  const headerKeys = matchedKeys(header);
  const joins = (x: SheetRow | undefined, isAbove: boolean): boolean => {
    if (!x || fixedHeaderIndex !== undefined || Math.abs(x.rowNumber - header.rowNumber) !== 1) return false;
    let adds = 0;
    let copies = 0;
    let headers = 0;
    let others = 0;
    x.cells.forEach((v, col) => {
      if (isEmptyCell(v) || x.merged?.[col] === 'left') return;
      const m = matcher.match(v);
      const copy = rawCellText(v) === rawCellText(header.cells[col]);
      if (copy) copies += 1;
      if (m && !copy && !headerKeys.has(m.column.key) && !matcher.match(header.cells[col])) adds += 1;
      if (m || copy) headers += 1;
      else others += 1;
    });
    // Above the header there are only titles, so a tie will do; below it, data rows must never join.
    return (adds > 0 || copies > 0) && (isAbove ? headers >= others : headers > others);
  };
  const above = h > 0 && joins(sheet[h - 1], true) ? sheet[h - 1] : undefined;
  const below = joins(sheet[h + 1], false) ? sheet[h + 1] : undefined;
  const band = [above, header, below].filter((r): r is SheetRow => r !== undefined);
  const others = band.filter((r) => r !== header);

  const width = Math.max(...band.map((r) => r.cells.length));
  const fileColumns: FileColumn[] = [];
  for (let col = 0; col < width; col++) {
    const own = matcher.match(header.cells[col]);
    if (own) {
      fileColumns.push({ col, header: rawCellText(header.cells[col]), match: own });
      continue;
    }
    const sub = others.find((r) => matcher.match(r.cells[col]));
    if (sub) {
      fileColumns.push({ col, header: rawCellText(sub.cells[col]), match: matcher.match(sub.cells[col])! });
      continue;
    }
    const text = [header, ...others].find((r) => nonEmpty(r, col));
    if (text) fileColumns.push({ col, header: rawCellText(text.cells[col]) });
  }
  const first = sheet.indexOf(band[0]!);
  const last = sheet.indexOf(band[band.length - 1]!);
  return {
    headerRow: header.rowNumber,
    bandRows: band.map((r) => r.rowNumber),
    columns: fileColumns,
    titleRows: sheet.slice(0, first),
    bodyRows: sheet.slice(last + 1),
  };
}

/** Words that open a total, signature or note row (compared with all whitespace removed, NFKC). */
const NOTE_PATTERNS: ReadonlyArray<{ re: RegExp; reason: string }> = [
  { re: /^(合计|总计|小计|共计)/, reason: '合计行' },
  {
    re: /^(填表人|填报人|制表人|审核人|审批人|复核人|负责人|单位负责人|分管领导|统计人|经办人|联系人|填表日期|填报日期|制表日期|统计日期|填报单位|填表单位|制表单位)/,
    reason: '填表信息行',
  },
  { re: /^(备注|注|说明|附注|注释)\d*[:：]/, reason: '备注行' },
];

/**
 * Whether a row after the data is a total, signature or note row, and which (`合计行`,
 * `填表信息行`, `备注行`): its first non-empty cell opens with a note word (合计, 填表人, 审核人,
 * 填表日期, 备注：, 注：, 说明：, …), or it holds a single cell of prose (two Chinese characters
 * or more) that is merged across columns or alone while every required column is empty.
 * @returns the reason in Chinese, or `undefined` for a data row.
 */
export function noteRowReason(row: SheetRow, columns: readonly FileColumn[]): string | undefined {
  const origins = row.cells.map((v, col) => ({ v, col })).filter(({ v, col }) => !isEmptyCell(v) && row.merged?.[col] !== 'left');
  const firstCell = origins[0];
  if (!firstCell) return undefined;
  const text = rawCellText(firstCell.v).normalize('NFKC').replace(/\s+/g, '');
  const keyword = NOTE_PATTERNS.find((p) => p.re.test(text));
  if (keyword) return keyword.reason;
  // A single cell: a note when it is prose (two Chinese characters or more) and merged across
  // columns or alone while every required column is empty; a lone code or date stays data.
  if (origins.length !== 1 || (text.match(/\p{Script=Han}/gu)?.length ?? 0) < 2) return undefined;
  const mergedAcross = row.merged?.[firstCell.col + 1] === 'left';
  const requiredEmpty = columns.filter((c) => c.match?.column.required).every((c) => isEmptyCell(row.cells[c.col]) || row.merged?.[c.col] === 'left');
  return mergedAcross || requiredEmpty ? '备注行' : undefined;
}
