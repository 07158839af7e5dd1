/**
 * 公文版式 — the one DOCX writer for official documents (GB/T 9704-2012 党政机关公文格式):
 * A4; top margin 37 mm, left 28 mm, type area 156 × 225 mm (right 26 mm, bottom
 * 35 mm); title 方正小标宋简体 二号 (22 pt) centred; body 仿宋_GB2312 三号 (16 pt)
 * at an exact line pitch of 225 mm / 22 lines ≈ 28.95 pt, first-line indent of two
 * characters (28 characters a line); 一、 headings 黑体, （一） headings 楷体_GB2312;
 * page numbers 四号 '— N —', odd pages right, even pages left; issuer and date at
 * the lower right. Used by every module that issues a document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';

/** The layout's numbers, in twips (1 mm = 56.7 twips) and half-points. */
export const GBT9704 = {
  page: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  linePitch: 579,
  indent: 640,
  bodySize: 32,
  titleSize: 44,
  tableSize: 21,
  pageNumberSize: 28,
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNumber: '宋体' },
} as const;

/** A piece of an official document. */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  /** A body paragraph with the first-line indent; `highlight` marks text to be checked (待核实). */
  | { kind: 'para'; text: string; highlight?: boolean }
  /** A paragraph without indent (an addressee line, a label). */
  | { kind: 'plain'; text: string }
  /** A centred line (a document number; a second title line when `title`). */
  | { kind: 'center'; text: string; title?: boolean }
  /** A right-aligned line (issuer, seal, date). */
  | { kind: 'right'; text: string }
  | { kind: 'table'; rows: string[][]; header?: number; caption?: string };

export interface OfficialDocument {
  title: string;
  addressee?: string;
  blocks: readonly Block[];
  issuer?: string;
  /** ISO date, written as 2022年3月1日. */
  date?: string;
}

const run = (text: string, font: string, size: number = GBT9704.bodySize, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font }, ...extra });

const line = { line: GBT9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function blockToDocx(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({ children: [run(b.text, b.level === 1 ? GBT9704.fonts.h1 : GBT9704.fonts.h2)], indent: { firstLine: GBT9704.indent }, spacing: line }),
      ];
    case 'para':
      return [
        new Paragraph({
          children: [run(b.text, GBT9704.fonts.body, GBT9704.bodySize, b.highlight ? { highlight: 'yellow' } : {})],
          indent: { firstLine: GBT9704.indent },
          spacing: line,
          alignment: AlignmentType.JUSTIFIED,
        }),
      ];
    case 'plain':
      return [new Paragraph({ children: [run(b.text, GBT9704.fonts.body)], spacing: line })];
    case 'center':
      return [
        new Paragraph({
          children: [b.title ? run(b.text, GBT9704.fonts.title, GBT9704.titleSize) : run(b.text, GBT9704.fonts.body)],
          alignment: AlignmentType.CENTER,
          spacing: b.title ? { line: 780, lineRule: LineRuleType.EXACT } : line,
        }),
      ];
    case 'right':
      return [new Paragraph({ children: [run(b.text, GBT9704.fonts.body)], alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: line })];
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const out: Array<Paragraph | Table> = [];
      if (b.caption)
        out.push(new Paragraph({ children: [run(b.caption, GBT9704.fonts.h1)], alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } }));
      out.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (cells, i) =>
              new TableRow({
                tableHeader: i < (b.header ?? 1),
                children: cells.map(
                  (c) =>
                    new TableCell({
                      borders,
                      children: [
                        new Paragraph({
                          children: [run(c, GBT9704.fonts.body, GBT9704.tableSize, { bold: i < (b.header ?? 1) })],
                          alignment: /^[\d.%—-]+$/.test(c) ? AlignmentType.CENTER : AlignmentType.LEFT,
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      );
      return out;
    }
  }
}

const pageFooter = (align: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [
          run('— ', GBT9704.fonts.pageNumber, GBT9704.pageNumberSize),
          new TextRun({ children: [PageNumber.CURRENT], size: GBT9704.pageNumberSize, font: 'Times New Roman' }),
          run(' —', GBT9704.fonts.pageNumber, GBT9704.pageNumberSize),
        ],
      }),
    ],
  });

/** `2022-03-01` → `2022年3月1日`. */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** Renders an official document to DOCX. */
export async function officialDocx(d: OfficialDocument & { creator?: string }): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 780, lineRule: LineRuleType.EXACT, after: GBT9704.linePitch },
      children: [run(d.title, GBT9704.fonts.title, GBT9704.titleSize)],
    }),
  ];
  if (d.addressee) children.push(...blockToDocx({ kind: 'plain', text: `${d.addressee}：` }));
  for (const b of d.blocks) children.push(...blockToDocx(b));
  if (d.issuer)
    children.push(
      new Paragraph({
        children: [run(d.issuer, GBT9704.fonts.body)],
        alignment: AlignmentType.RIGHT,
        spacing: { ...line, before: GBT9704.linePitch },
        indent: { right: 1280 },
      }),
    );
  if (d.date) children.push(...blockToDocx({ kind: 'right', text: chineseDate(d.date) }));
  const doc = new Document({
    creator: d.creator ?? '法治水务',
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: GBT9704.fonts.body, ascii: GBT9704.fonts.body }, size: GBT9704.bodySize } } } },
    sections: [
      {
        properties: {
          page: { size: GBT9704.page, margin: { ...GBT9704.margin, header: 851, footer: 1587 } },
          grid: { linePitch: GBT9704.linePitch, charSpace: 0 },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The same document as a simple, print-friendly HTML page. */
export function officialHtml(d: OfficialDocument): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = d.blocks
    .map((b) => {
      if (b.kind === 'heading') return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
      if (b.kind === 'para') return `<p class="para${b.highlight ? ' check' : ''}">${esc(b.text)}</p>`;
      if (b.kind === 'plain') return `<p>${esc(b.text)}</p>`;
      if (b.kind === 'center') return b.title ? `<h1>${esc(b.text)}</h1>` : `<p class="center">${esc(b.text)}</p>`;
      if (b.kind === 'right') return `<p class="sign">${esc(b.text)}</p>`;
      const h = b.header ?? 1;
      const rows = b.rows.map((r, i) => `<tr>${r.map((c) => (i < h ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n');
      return `${b.caption ? `<h3 class="caption">${esc(b.caption)}</h3>` : ''}<table>${rows}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>
body{font-family:"FangSong","仿宋_GB2312","仿宋","Noto Serif CJK SC",serif;font-size:16pt;max-width:156mm;margin:0 auto;padding:20mm 0;line-height:28.95pt}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;font-size:22pt;text-align:center;font-weight:normal}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}h3{font-family:"KaiTi","楷体_GB2312",serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}
h3.caption{text-align:center;text-indent:0;font-family:"SimHei","黑体",sans-serif}
p{margin:0}p.para{text-indent:2em}p.center{text-align:center}p.check{background:#ffe58f}table{border-collapse:collapse;width:100%;font-size:10.5pt;line-height:1.5;margin:8px 0 16px}th,td{border:1px solid #000;padding:2px 4px}td{text-align:center}td:first-child{text-align:left}
.sign{text-align:right;margin-right:4em}</style></head><body>
<h1>${esc(d.title)}</h1>${d.addressee ? `<p>${esc(d.addressee)}：</p>` : ''}
${body}
${d.issuer ? `<p class="sign">${esc(d.issuer)}</p>` : ''}${d.date ? `<p class="sign">${esc(chineseDate(d.date))}</p>` : ''}
</body></html>`;
}
