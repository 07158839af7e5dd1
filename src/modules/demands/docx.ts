/**
 * 公文版式 — a small DOCX writer in the official document layout (GB/T 9704):
 * A4, title in 方正小标宋简体 二号 centred, body in 仿宋_GB2312 三号 with a
 * two-character first-line indent, the issuer and date at the lower right.
 * Used for the petition handling opinion, the proposal reply letter and the
 * disclosure annual report.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const MM = 56.7; // twips per millimetre
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEI = '黑体';
const KAI = '楷体_GB2312';
const SIZE_2 = 44; // 二号 22pt, in half-points
const SIZE_3 = 32; // 三号 16pt
const SIZE_TABLE = 21; // 五号 10.5pt for tables

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'para'; text: string }
  | { kind: 'plain'; text: string }
  | { kind: 'table'; rows: string[][]; header?: number; caption?: string };

const run = (text: string, font: string, size: number, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

function blockToDocx(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ children: [run(b.text, b.level === 1 ? HEI : KAI, SIZE_3)], indent: { firstLine: 640 }, spacing: { line: 560 } })];
    case 'para':
      return [new Paragraph({ children: [run(b.text, BODY_FONT, SIZE_3)], indent: { firstLine: 640 }, spacing: { line: 560 }, alignment: AlignmentType.JUSTIFIED })];
    case 'plain':
      return [new Paragraph({ children: [run(b.text, BODY_FONT, SIZE_3)], spacing: { line: 560 } })];
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const borders = { top: border, bottom: border, left: border, right: border };
      const out: Array<Paragraph | Table> = [];
      if (b.caption) out.push(new Paragraph({ children: [run(b.caption, HEI, SIZE_3)], alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 } }));
      out.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (cells, i) =>
              new TableRow({
                tableHeader: i < (b.header ?? 1),
                children: cells.map((c) => new TableCell({ borders, children: [new Paragraph({ children: [run(c, BODY_FONT, SIZE_TABLE, i < (b.header ?? 1))], alignment: /^[\d.%—-]+$/.test(c) ? AlignmentType.CENTER : AlignmentType.LEFT })] })),
              }),
          ),
        }),
      );
      return out;
    }
  }
}

/** A document: title, optional addressee, blocks, issuer and date. */
export async function officialDocx(d: { title: string; addressee?: string; blocks: Block[]; issuer?: string; date?: string }): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ children: [run(d.title, TITLE_FONT, SIZE_2)], alignment: AlignmentType.CENTER, spacing: { after: 560, line: 600 } }),
  ];
  if (d.addressee) children.push(new Paragraph({ children: [run(`${d.addressee}：`, BODY_FONT, SIZE_3)], spacing: { line: 560 } }));
  for (const b of d.blocks) children.push(...blockToDocx(b));
  if (d.issuer) children.push(new Paragraph({ children: [run(d.issuer, BODY_FONT, SIZE_3)], alignment: AlignmentType.RIGHT, spacing: { before: 560, line: 560 }, indent: { right: 1280 } }));
  if (d.date) children.push(new Paragraph({ children: [run(chineseDate(d.date), BODY_FONT, SIZE_3)], alignment: AlignmentType.RIGHT, spacing: { line: 560 }, indent: { right: 1280 } }));
  const doc = new Document({
    sections: [{ properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** `2022-03-01` → `2022年3月1日`. */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** The same blocks as a simple HTML page (print-friendly). */
export function blocksToHtml(d: { title: string; addressee?: string; blocks: Block[]; issuer?: string; date?: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = d.blocks
    .map((b) => {
      if (b.kind === 'heading') return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
      if (b.kind === 'para') return `<p class="para">${esc(b.text)}</p>`;
      if (b.kind === 'plain') return `<p>${esc(b.text)}</p>`;
      const h = b.header ?? 1;
      const rows = b.rows.map((r, i) => `<tr>${r.map((c) => (i < h ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n');
      return `${b.caption ? `<h3 class="caption">${esc(b.caption)}</h3>` : ''}<table>${rows}</table>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>
body{font-family:"FangSong","仿宋_GB2312","仿宋",serif;font-size:16pt;max-width:210mm;margin:0 auto;padding:20mm 26mm 20mm 28mm;line-height:1.75}
h1{font-family:"方正小标宋简体","SimSun",serif;font-size:22pt;text-align:center;font-weight:normal}
h2{font-family:"SimHei","黑体",sans-serif;font-size:16pt;font-weight:normal}h3{font-family:"KaiTi","楷体_GB2312",serif;font-size:16pt;font-weight:normal}
h3.caption{text-align:center;font-family:"SimHei","黑体",sans-serif}
p.para{text-indent:2em;margin:0}table{border-collapse:collapse;width:100%;font-size:10.5pt;margin:8px 0 16px}th,td{border:1px solid #000;padding:2px 4px}td{text-align:center}td:first-child{text-align:left}
.sign{text-align:right;margin-right:4em}</style></head><body>
<h1>${esc(d.title)}</h1>${d.addressee ? `<p>${esc(d.addressee)}：</p>` : ''}
${body}
${d.issuer ? `<p class="sign">${esc(d.issuer)}</p>` : ''}${d.date ? `<p class="sign">${esc(chineseDate(d.date))}</p>` : ''}
</body></html>`;
}
