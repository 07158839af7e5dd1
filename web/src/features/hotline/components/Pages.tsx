import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useCan } from '../../../api/session';
import { DemandListPage } from '../../demands/components/DemandListPage';
import { DemandRecordPage } from '../../demands/components/DemandRecordPage';
import { IntakePage } from '../../demands/components/IntakePage';
import type { DemandRecord } from '../../demands/api';

const TYPES = ['投诉', '举报', '求助', '咨询', '建议', '其他'] as const;

export function HotlineListPage() {
  return (
    <DemandListPage
      module="hotline"
      title="12345工单"
      description="签收1个工作日内；办理时限按工单下达（缺省按诉求类型），回复诉求人后办结、回访。"
      writePermission="hotline.write"
      demandTypes={{ label: '诉求类型', values: TYPES }}
      extraColumns={[
        { title: '诉求类型', dataIndex: 'demandType', width: 90 },
        { title: '满意度', dataIndex: 'satisfaction', width: 90, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

export function HotlineIntakePage() {
  return <IntakePage module="hotline" title="登记12345工单" refLabel="工单编号" demandTypes={{ label: '诉求类型', values: TYPES }} timeLimit />;
}

function ClueButton({ r, reload }: { r: DemandRecord; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const can = useCan();
  if (!can('hotline.write')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>移送执法线索</Button>
      <Modal
        open={open}
        title="移送执法线索"
        onCancel={() => setOpen(false)}
        onOk={async () => {
          try {
            await api.post(`/api/hotline/items/${r.id}/clue`, { reason });
            message.success('已移送，待执法部门接收');
            setOpen(false);
            reload();
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
      >
        <Input.TextArea rows={3} placeholder="涉嫌的违法行为" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

export function HotlineRecordPage() {
  return <DemandRecordPage module="hotline" extraActions={(r, reload) => <ClueButton r={r} reload={reload} />} />;
}
