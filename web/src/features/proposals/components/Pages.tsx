import { Button } from 'antd';
import { download } from '../../../api/client';
import { DemandListPage } from '../../demands/components/DemandListPage';
import { DemandRecordPage } from '../../demands/components/DemandRecordPage';
import { IntakePage } from '../../demands/components/IntakePage';

export function ProposalListPage() {
  return (
    <DemandListPage
      module="proposals"
      title="人大建议政协提案"
      description="自交办之日起3个月内答复（重大复杂的6个月）；协办意见1个月内送主办单位。"
      writePermission="proposals.write"
      extraColumns={[
        { title: '类别', dataIndex: 'demandType', width: 120 },
        { title: '办理方式', dataIndex: 'channel', width: 90 },
        { title: '结果', dataIndex: 'result', width: 60, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function ProposalIntakePage() {
  return (
    <IntakePage
      module="proposals"
      title="登记建议提案"
      refLabel="编号"
      demandTypes={{ label: '类别', values: ['人大代表建议', '政协提案'], required: true }}
      channels={{ label: '办理方式', values: ['主办', '协办'], required: true }}
    />
  );
}

export function ProposalRecordPage() {
  return (
    <DemandRecordPage
      module="proposals"
      extraFacts={(r) => [
        { key: 'topics', label: '问题类型', children: ((r.attrs.topics as string[]) ?? []).join('、') || '—' },
        ...(r.attrs.coOpinionDueOn ? [{ key: 'co', label: '协办意见期限', children: String(r.attrs.coOpinionDueOn) }] : []),
      ]}
      extraActions={(r) => (r.reply ? <Button onClick={() => download(`/api/proposals/items/${r.id}/reply.docx`, '答复函.docx')}>答复函</Button> : null)}
    />
  );
}
