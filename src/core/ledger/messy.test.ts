/**
 * Round trip of every ledger of the product through a bureau-style messy file: parsing a messy
 * file of rows R gives back exactly R (see tests/helpers/messyLedger.ts).
 */
import { describe, it, expect } from 'vitest';
import { modules } from '../../modules/index.js';
import { messyLedgerFile } from '../../../tests/helpers/messyLedger.js';
import { readTable } from './files.js';
import { formatIgnoredRows, formatLedgerErrors, parseLedger } from './parse.js';
import { headerParts, type CellValue, type ColumnSpec, type LedgerSpec, type LooseRow } from './spec.js';
import { idCardCheckChar, usccCheckChar } from './validators.js';
import { writeXlsx } from './write.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date `j` days after 2022-03-01 plus `i` (later columns later, so ordering rules hold). */
function dateOf(j: number, i: number): string {
  const t = new Date(Date.UTC(2022, 2, 1 + j + i));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** Candidate values of a column for row `i` (the first one its validator accepts is used). */
function candidates(c: ColumnSpec, j: number, i: number): CellValue[] {
  const base = headerParts(c.header).base;
  switch (c.type) {
    case 'text':
      return [...(c.example ? [i === 0 ? c.example : `${c.example}${i}`] : []), `${base}${i + 1}`, String(440106 + i)];
    case 'int':
      return [10 + i, 1];
    case 'decimal':
      return [12.5 + i, 113.25 + i / 100, 23.125];
    case 'money':
      return [[1_500_000, 1_234_550, 20_000][i % 3]!];
    case 'date':
      return [dateOf(j, i)];
    case 'datetime':
      return [`${dateOf(j, i)}T${pad2(9 + (j % 8))}:${pad2((7 * j + i) % 60)}:00+08:00`];
    case 'bool':
      return [i % 2 === 0];
    case 'enum':
      return [c.enum![i % c.enum!.length]!];
    case 'list':
      return [c.enum ? [c.enum[i % c.enum.length]!, c.enum[(i + 1) % c.enum.length]!] : ['张三', '李四', '王五'].slice(0, 2 + (i % 2))];
    case 'idcard': {
      const first17 = `44010619900307${String(100 + i)}`;
      return [first17 + idCardCheckChar(first17)];
    }
    case 'uscc':
    case 'idno': {
      const first17 = `91440101MA59ABC${pad2(i)}`;
      const uscc = first17 + usccCheckChar(first17);
      const idFirst17 = `44010619850101${String(200 + i)}`;
      return c.type === 'idno' && i % 2 === 1 ? [idFirst17 + idCardCheckChar(idFirst17)] : [uscc];
    }
  }
}

/** Rows some ledgers' rules need to be coherent (a penalty's kinds match its amounts and its party's ID). */
const OVERRIDES: Readonly<Record<string, (row: Record<string, CellValue | null>, i: number) => void>> = {
  // The reply clock's optional facts must agree with each other (an approval needs 是否延期 = 是, a correction a
  // notice before it …): the first row states a coherent set, the others leave them empty.
  'disclosure-requests': (row, i) => {
    const facts = { extensionApprovedOn: null, correctionNotices: null, correctedOn: null, consultFrom: null, consultTo: null };
    Object.assign(row, facts);
    if (i === 0 && typeof row.receivedOn === 'string') {
      const received = String(row.receivedOn).slice(0, 10);
      Object.assign(row, { extended: true, extensionApprovedOn: received, correctionNotices: received, correctedOn: received });
    }
  },
  'penalty-cases': (row, i) => {
    const first17 = `91440101MA59ABC${pad2(i)}`;
    Object.assign(row, {
      partyType: '法人',
      partyIdNo: first17 + usccCheckChar(first17),
      kinds: ['罚款', '没收违法所得'],
      fine: 1_500_000,
      confiscation: 20_000 + i,
    });
  },
};

/** Three sample rows of a spec, built from its columns (examples, then type-based values). */
function sampleRows(spec: LedgerSpec): Array<Record<string, CellValue | null>> {
  return [0, 1, 2].map((i) => {
    const row: Record<string, CellValue | null> = {};
    spec.columns.forEach((c, j) => {
      // Leave one optional column empty per row, to cover empty cells.
      if (!c.required && (j + i) % 5 === 4) {
        row[c.key] = null;
        return;
      }
      const validate = c.validate as ((v: CellValue, r: LooseRow) => string | undefined) | undefined;
      const options = candidates(c, j, i);
      row[c.key] = options.find((v) => !validate?.(v, row)) ?? options[0]!;
    });
    OVERRIDES[spec.key]?.(row, i);
    return row;
  });
}

const specs = modules.flatMap((m) => (m.ledgers ?? []).map((l) => l.spec as LedgerSpec));

describe('messy bureau files round-trip for every ledger of the product', () => {
  it('covers every ledger', () => {
    expect(specs.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(specs.map((spec) => ({ key: spec.key, spec })))('$key', ({ spec }) => {
    let expected: Array<Record<string, unknown>> = [];

    it('has sample rows that the plain export takes back', async () => {
      // Rows a rule of the ledger refuses (checkRow) are dropped from the samples; at least one must remain.
      const clean = parseLedger(spec, await readTable(await writeXlsx(spec, sampleRows(spec)), 'x.xlsx'));
      expected = clean.rows.map((r) => r.value as Record<string, unknown>);
      expect(expected.length, formatLedgerErrors(clean.errors).join('\n')).toBeGreaterThan(0);
    });

    it.each(['xlsx', 'csv'] as const)('parses a messy %s back to exactly the rows written', async (format) => {
      const file = await messyLedgerFile(spec, expected, { format });
      const r = parseLedger(spec, await readTable(file, `台账.${format}`));
      expect(formatLedgerErrors(r.errors)).toEqual([]);
      expect(r.headerRows).toEqual([3, 4]);
      expect(r.ignoredHeaders).toEqual(['序号']);
      expect(r.rows.map((x) => x.value)).toEqual(expected);
      expect(r.rows.map((x) => x.rowNumber)).toEqual(expected.map((_, i) => 5 + i));
      const after = 5 + expected.length + 1;
      expect(formatIgnoredRows(r.ignoredRows)).toEqual(['第1行为标题行，已忽略', `第${after}行为填表信息行，已忽略`, `第${after + 1}行为备注行，已忽略`]);
    });
  });
});
