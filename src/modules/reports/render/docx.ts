import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { ComposedReport, ComposedSection } from '../compose.js';
import { sentenceText, statedSentences } from '../compose.js';

/**
 * GB/T 9704-2012 (党政机关公文格式) in twips (1 mm = 56.7 twips, 1 pt = 20 twips):
 * A4; top margin 37 mm, left 28 mm, type area 156 × 225 mm (so right 26 mm,
 * bottom 35 mm); body 仿宋_GB2312 三号 (16 pt), 22 lines of 28 characters: a line
 * pitch of 225 mm / 22 ≈ 28.95 pt; title 小标宋 二号 (22 pt); first-level headings
 * 黑体, second-level 楷体; page numbers 四号 (14 pt) '— 1 —', odd pages right, even left.
 */
export const GBT9704 = {
  page: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  linePitch: 579,
  bodySize: 32,
  titleSize: 44,
  pageNumberSize: 28,
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', h1: '黑体', h2: '楷体_GB2312', pageNumber: '宋体' },
} as const;

const run = (text: string, font: string, size: number = GBT9704.bodySize, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, size, font: { ascii: font === GBT9704.fonts.pageNumber ? 'Times New Roman' : font, eastAsia: font, hAnsi: font }, ...extra });

const body = (children: TextRun[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: GBT9704.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: opts.indent === false ? undefined : { firstLine: 640 },
  });

function sectionParagraphs(s: ComposedSection, depth: number): Paragraph[] {
  const headingFont = depth === 0 ? GBT9704.fonts.h1 : GBT9704.fonts.h2;
  const out = [body([run(s.number + s.title, headingFont)])];
  for (const p of (s.narrative?.body ?? '').split(/\n+/).filter(Boolean)) out.push(body([run(p, GBT9704.fonts.body)]));
  const stated = statedSentences(s);
  if (stated.length) {
    out.push(
      body(
        stated.map((x) => run(sentenceText(x), GBT9704.fonts.body, GBT9704.bodySize, x.missing ? { highlight: 'yellow' } : {})),
      ),
    );
  }
  for (const c of s.children) out.push(...sectionParagraphs(c, depth + 1));
  return out;
}

const pageFooter = (align: 'right' | 'left') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [run('— ', GBT9704.fonts.pageNumber, GBT9704.pageNumberSize), new TextRun({ children: [PageNumber.CURRENT], size: GBT9704.pageNumberSize, font: 'Times New Roman' }), run(' —', GBT9704.fonts.pageNumber, GBT9704.pageNumberSize)],
      }),
    ],
  });

/** Renders the composed report to DOCX in the official document layout. */
export async function renderDocx(r: ComposedReport): Promise<Buffer> {
  const doc = new Document({
    creator: r.bureau,
    title: r.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: GBT9704.fonts.body, ascii: GBT9704.fonts.body }, size: GBT9704.bodySize } } } },
    sections: [
      {
        properties: {
          page: { size: GBT9704.page, margin: { ...GBT9704.margin, header: 851, footer: 1587 } },
          grid: { linePitch: GBT9704.linePitch, charSpace: 0 },
        },
        footers: { default: pageFooter('right'), even: pageFooter('left') },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: 780, lineRule: LineRuleType.EXACT, after: GBT9704.linePitch },
            children: [run(r.title, GBT9704.fonts.title, GBT9704.titleSize)],
          }),
          ...r.sections.flatMap((s) => sectionParagraphs(s, 0)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
