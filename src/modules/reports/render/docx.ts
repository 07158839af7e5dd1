import { officialDocx, type Block } from '../../../core/documents/official.js';
import type { ComposedReport, ComposedSection } from '../compose.js';
import { sentenceText, statedSentences } from '../compose.js';

export { GBT9704 } from '../../../core/documents/official.js';

/** The report's sections as official-document blocks: heading, narrative paragraphs, then the figure sentences. */
function sectionBlocks(s: ComposedSection, depth: number): Block[] {
  const out: Block[] = [{ kind: 'heading', text: s.number + s.title, level: depth === 0 ? 1 : 2 }];
  for (const p of (s.narrative?.body ?? '').split(/\n+/).filter(Boolean)) out.push({ kind: 'para', text: p });
  const stated = statedSentences(s);
  // Sentences with a figure the data cannot support are highlighted (待核实) for the editor.
  for (const group of [stated.filter((x) => !x.missing), stated.filter((x) => x.missing)]) {
    if (group.length) out.push({ kind: 'para', text: group.map(sentenceText).join(''), highlight: group[0]!.missing });
  }
  for (const c of s.children) out.push(...sectionBlocks(c, depth + 1));
  return out;
}

/** Renders the composed report to DOCX in the official document layout (GB/T 9704). */
export function renderDocx(r: ComposedReport): Promise<Buffer> {
  return officialDocx({ title: r.title, creator: r.bureau, blocks: r.sections.flatMap((s) => sectionBlocks(s, 0)) });
}
