import type { System } from '../../core/system.js';
import { composeRuleOfLawReport } from './compose.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { renderPdf } from './render/pdf.js';

export const FORMATS = ['docx', 'html', 'pdf'] as const;
export type ReportFormat = (typeof FORMATS)[number];

const MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** Composes and renders the year's rule-of-law report in one format (API and CLI). */
export async function renderDocument(
  sys: System,
  tenantId: string,
  year: number,
  format: ReportFormat,
): Promise<{ data: Buffer; filename: string; mime: string; warnings: string[] }> {
  const report = await composeRuleOfLawReport(sys, tenantId, year);
  const html = format === 'docx' ? '' : renderHtml(report);
  const data = format === 'docx' ? await renderDocx(report) : format === 'html' ? Buffer.from(html, 'utf8') : await renderPdf(html);
  return { data, filename: `${report.title}.${format}`, mime: MIME[format], warnings: report.warnings };
}
