/**
 * 公文版式 — the demand modules' documents (petition handling opinion, proposal
 * reply letter, disclosure annual report) use the kernel's official-document writer.
 */
export { officialDocx, officialHtml as blocksToHtml, chineseDate, type Block } from '../../core/documents/official.js';
