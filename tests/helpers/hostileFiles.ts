/**
 * Hostile ledger files, built by hand (a zip written here with zlib, so the declared sizes can
 * lie): zip bombs, shared-strings bombs, huge cells, too many columns, huge CSV lines.
 */
import zlib from 'node:zlib';

/** One entry of {@link zipOf}: its bytes, or a deflate stream already made, with sizes to declare. */
export interface ZipPart {
  name: string;
  /** The uncompressed bytes (deflated here). */
  data?: Buffer;
  /** Or the deflated bytes, with the uncompressed size they inflate to. */
  deflated?: { bytes: Buffer; size: number; crc?: number };
  /** The uncompressed size to declare instead of the true one (a lie). */
  declare?: number;
}

/** A zip (deflate, no data descriptors) of the parts, in order. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const bytes = p.deflated ? p.deflated.bytes : zlib.deflateRawSync(p.data!);
    const size = p.deflated ? p.deflated.size : p.data!.length;
    const crc = p.deflated ? (p.deflated.crc ?? 0) : zlib.crc32(p.data!);
    const declared = p.declare ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(bytes.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    central.push(cd, name);
    offset += 30 + name.length + bytes.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, eocd]);
}

/**
 * `mb` MiB of `fill` as a raw deflate stream, never held whole: one MiB deflated with a full flush
 * (byte-aligned, no back-references across it) repeated, then an empty final block — a zip bomb's
 * payload (~1,000× smaller than what it inflates to). No CRC: the reader does not check it.
 */
export function deflatedRepeat(fill: Buffer, mb: number): { bytes: Buffer; size: number } {
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < chunk.length; i += fill.length) fill.copy(chunk, i);
  const block = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const out: Buffer[] = [];
  for (let i = 0; i < mb; i++) out.push(block);
  out.push(Buffer.from([0x03, 0x00]));
  return { bytes: Buffer.concat(out), size: mb * chunk.length };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A sheet's XML from rows of `[cell ref, inline text]`. */
export function sheetXml(rows: ReadonlyArray<ReadonlyArray<readonly [string, string]>>): string {
  const body = rows
    .map((cells, i) => `<row r="${i + 1}">${cells.map(([ref, text]) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;
}

/** A minimal xlsx: workbook, relationships, the sheet, and optionally shared strings (a part each). */
export function xlsxOf(sheet: string | ZipPart, sharedStrings?: ZipPart, extra: readonly ZipPart[] = []): Buffer {
  const sheetPart: ZipPart = typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) } : sheet;
  return zipOf([
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    ...(sharedStrings ? [sharedStrings] : []),
    sheetPart,
    ...extra,
  ]);
}

/** A shared-strings part of `count` strings made by `text(i)`. */
export function sharedStringsXml(count: number, text: (i: number) => string): Buffer {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${count}" uniqueCount="${count}">`];
  for (let i = 0; i < count; i++) parts.push(`<si><t>${escapeXml(text(i))}</t></si>`);
  parts.push('</sst>');
  return Buffer.from(parts.join(''));
}

/** A sheet whose cells refer to shared strings: rows of `[ref, index]`. */
export function sharedSheetXml(rows: ReadonlyArray<ReadonlyArray<readonly [string, number]>>): string {
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells.map(([ref, n]) => `<c r="${ref}" t="s"><v>${n}</v></c>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}</sheetData></worksheet>`;
}

/** `n` characters of random CJK text (compresses about as badly as text can: no bomb). */
export function randomChinese(n: number, seed = 1): string {
  let x = seed >>> 0;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    codes[i] = 0x4e00 + ((x >>> 16) % 20_000);
  }
  return Buffer.from(codes.buffer).toString('utf16le');
}
