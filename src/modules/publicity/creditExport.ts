import type { Selectable } from 'kysely';
import { defineLedgerSpec } from '../../core/ledger/spec.js';
import { fenToYuan } from '../../core/metrics/registry.js';
import { publicIdNo } from './rules.js';
import { decryptPii } from '../../core/crypto/pii.js';
import type { PublicityTables } from './schema.js';

type Row = Selectable<PublicityTables['pub_decision']>;

const fmtWan = (fen: number | null) => (fen == null ? '' : (fenToYuan(fen) / 10000).toFixed(6).replace(/\.?0+$/, ''));

/** The party's columns, the same first five in both 双公示 layouts. */
const PARTY_COLUMNS = [
  { key: 'party', header: '行政相对人名称', type: 'text', required: true },
  { key: 'partyType', header: '行政相对人类别', type: 'text' },
  { key: 'uscc', header: '统一社会信用代码', type: 'text' },
  { key: 'idType', header: '证件类型', type: 'text' },
  { key: 'idNo', header: '证件号码', type: 'text' },
] as const;

/** 行政处罚 in the credit platform's 双公示 layout (信用中国 administrative penalty columns). */
export const penaltyCreditSpec = defineLedgerSpec({
  key: 'credit-penalty',
  title: '行政处罚双公示',
  columns: [
    ...PARTY_COLUMNS,
    { key: 'decisionNo', header: '行政处罚决定书文号', type: 'text', required: true },
    { key: 'violation', header: '违法行为类型', type: 'text' },
    { key: 'facts', header: '违法事实', type: 'text' },
    { key: 'basis', header: '处罚依据', type: 'text' },
    { key: 'category', header: '处罚类别', type: 'text' },
    { key: 'content', header: '处罚内容', type: 'text' },
    { key: 'fineWan', header: '罚款金额（万元）', type: 'text' },
    { key: 'confiscatedWan', header: '没收违法所得、没收非法财物的金额（万元）', type: 'text' },
    { key: 'decidedOn', header: '处罚决定日期', type: 'date', required: true },
    { key: 'publishUntil', header: '公示截止期', type: 'text' },
    { key: 'authority', header: '处罚机关', type: 'text', required: true },
    { key: 'authorityUscc', header: '处罚机关统一社会信用代码', type: 'text' },
    { key: 'remark', header: '备注', type: 'text' },
  ],
} as const);

/** 行政许可 in the credit platform's 双公示 layout. */
export const permitCreditSpec = defineLedgerSpec({
  key: 'credit-permit',
  title: '行政许可双公示',
  columns: [
    ...PARTY_COLUMNS,
    { key: 'docName', header: '行政许可决定文书名称', type: 'text' },
    { key: 'decisionNo', header: '行政许可决定文书号', type: 'text', required: true },
    { key: 'category', header: '许可类别', type: 'text' },
    { key: 'content', header: '许可内容', type: 'text' },
    { key: 'decidedOn', header: '许可决定日期', type: 'date', required: true },
    { key: 'validFrom', header: '有效期自', type: 'text' },
    { key: 'validTo', header: '有效期至', type: 'text' },
    { key: 'authority', header: '许可机关', type: 'text', required: true },
    { key: 'authorityUscc', header: '许可机关统一社会信用代码', type: 'text' },
    { key: 'status', header: '当前状态', type: 'text' },
    { key: 'remark', header: '备注', type: 'text' },
  ],
} as const);

/** Maps recorded decisions to the platform's rows; identifiers of natural persons are masked. */
export function creditRows(kind: 'penalty' | 'permit', rows: Row[], authority: { name: string; uscc: string | null }) {
  return rows.map((r) => {
    const f = (r.fields ?? {}) as Record<string, string>;
    const natural = r.party_type === '自然人';
    const idNo = decryptPii(r.party_id_no);
    const common = {
      party: r.party_name,
      partyType: natural ? '自然人' : r.party_type === '个体工商户' ? '个体工商户' : '法人及非法人组织',
      uscc: natural ? '' : (idNo ?? ''),
      idType: natural && idNo ? '身份证' : '',
      idNo: natural ? publicIdNo(idNo, '自然人') : '',
      decisionNo: r.decision_no,
      decidedOn: r.decided_on,
      authority: f.机关 ?? authority.name,
      authorityUscc: authority.uscc ?? '',
      remark: r.withdrawn_on ? `已于${r.withdrawn_on}撤回：${r.withdraw_reason ?? ''}` : '',
    };
    if (kind === 'penalty') {
      return {
        ...common,
        violation: r.title,
        facts: f.违法事实 ?? '',
        basis: r.basis ?? '',
        category: f.处罚类别 ?? '',
        content: r.content,
        fineWan: fmtWan(f.罚款金额分 ? Number(f.罚款金额分) : r.amount_fen),
        confiscatedWan: fmtWan(f.没收金额分 ? Number(f.没收金额分) : null),
        publishUntil: f.公示截止期 ?? '',
      };
    }
    return {
      ...common,
      docName: f.文书名称 ?? '准予行政许可决定书',
      category: f.许可类别 ?? '普通',
      content: r.content,
      validFrom: f.有效期自 ?? r.decided_on,
      validTo: f.有效期至 ?? '',
      status: r.withdrawn_on ? '撤销' : '有效',
    };
  });
}
