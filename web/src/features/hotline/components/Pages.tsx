import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useCan } from '../../../api/session';
import { FormModal } from '../../../components/FormModal';
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

/** 移送执法线索 — the order handed to the enforcement module's clue box, with the suspected violation. */
function ClueButton({ r, reload }: { r: DemandRecord; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const can = useCan();
  if (!can('hotline.write')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>移送执法线索</Button>
      {open && (
        <FormModal<DemandRecord>
          title="移送执法线索"
          okText="确定"
          width={520}
          initialValues={{ reason: '' }}
          onSubmit={(v) => api.post<DemandRecord>(`/api/hotline/items/${r.id}/clue`, { reason: v.reason })}
          onDone={() => {
            message.success('已移送，待执法部门接收');
            setOpen(false);
            reload();
          }}
          onClose={() => setOpen(false)}
          testId="hotline-clue-form"
        >
          <Form.Item name="reason">
            <Input.TextArea rows={3} placeholder="涉嫌的违法行为" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

export function HotlineRecordPage() {
  return <DemandRecordPage module="hotline" extraActions={(r, reload) => <ClueButton r={r} reload={reload} />} />;
}
