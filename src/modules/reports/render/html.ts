import { statedSentences, type ComposedReport, type ComposedSection, type ComposedSentence } from '../compose.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where a figure's records are shown: the web app's drill-down page for the metric and year. */
export const drillHref = (metric: string, year: number) => `/metrics/drill/${encodeURIComponent(metric)}?year=${year}`;

function sentenceHtml(s: ComposedSentence, year: number): string {
  const inner = s.segments
    .map((seg) => {
      if ('text' in seg) return esc(seg.text);
      const f = seg.figure;
      if (f.missing) return `<mark class="missing" title="${esc(`${f.title}：无记录支撑`)}">${esc(f.text)}</mark>`;
      const title = `${f.title}${f.previous !== undefined && f.previous !== null ? `；上年 ${f.previous}` : ''}${f.change ? `；${f.change}` : ''}`;
      return `<a class="figure" data-metric="${esc(f.metric)}" data-api="/api/metrics/${encodeURIComponent(f.metric)}/drill?year=${year}" data-value="${esc(String(f.value))}" href="${drillHref(f.metric, year)}" title="${esc(title)}">${esc(f.text)}</a>${f.yoy ? esc(`（${f.yoy}）`) : ''}`;
    })
    .join('');
  return `<span class="sentence${s.missing ? ' flagged' : ''}" data-sentence="${esc(s.key)}">${inner}</span>`;
}

function sectionHtml(s: ComposedSection, year: number, depth: number): string {
  const h = depth === 0 ? 'h2' : 'h3';
  const paras = (s.narrative?.body ?? '')
    .split(/\n+/)
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`);
  const stated = statedSentences(s);
  const figures = stated.length ? [`<p class="figures">${stated.map((x) => sentenceHtml(x, year)).join('')}</p>`] : [];
  return [
    `<section data-section="${esc(s.key)}"><${h}>${esc(s.number + s.title)}</${h}>`,
    ...paras,
    ...figures,
    ...s.children.map((c) => sectionHtml(c, year, depth + 1)),
    '</section>',
  ].join('\n');
}

/**
 * The report as an HTML page in the look of an official document: every figure
 * is a link to the records behind it; figures without records are marked.
 */
export function renderHtml(r: ComposedReport): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-family: 'FangSong_GB2312', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 28.95pt; max-width: 156mm; margin: 2em auto; color: #000; }
  h1 { font-family: 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', serif; font-size: 22pt; font-weight: bold; text-align: center; line-height: 1.5; margin: 0 0 1em; }
  h2 { font-family: 'SimHei', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
  h3 { font-family: 'KaiTi_GB2312', 'KaiTi', 'Noto Serif CJK SC', serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  a.figure { color: inherit; text-decoration: underline dotted #1f4e8c; }
  @media screen { a.figure { color: #1f4e8c; } }
  mark.missing { background: #ffe58f; }
  .warnings { font-family: sans-serif; font-size: 11pt; line-height: 1.6; border: 1px solid #faad14; background: #fffbe6; padding: 8px 12px; margin-bottom: 1em; }
  @media print { .warnings { display: none; } }
</style></head>
<body>
${r.warnings.length ? `<div class="warnings"><b>待核实：</b><ul>${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : ''}
<h1>${esc(r.title)}</h1>
${r.sections.map((s) => sectionHtml(s, r.year, 0)).join('\n')}
</body></html>`;
}
