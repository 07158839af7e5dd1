import fs from 'node:fs';
import { errors } from '../../../core/errors.js';

/** The browser that prints PDFs: Debian's chromium unless FAZHI_CHROMIUM says otherwise. */
export const chromiumPath = () => process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints the report's HTML to an A4 PDF with headless Chromium (the GB/T 9704
 * margins come from the page's @page rule; page numbers '— N —' in the footer).
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const exe = chromiumPath();
  if (!fs.existsSync(exe)) throw errors.gate('PDF_UNAVAILABLE', `生成 PDF 需要 Chromium（未找到 ${exe}）：请安装 Debian 的 chromium 包，或设置 FAZHI_CHROMIUM`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;font-size:14pt;font-family:serif;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
