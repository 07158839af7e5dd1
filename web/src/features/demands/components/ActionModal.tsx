import { App, Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { DateTimeInput, instantText } from '../../../components/DateTimeInput';
import { FormModal } from '../../../components/FormModal';
import type { DemandAction, DemandRecord } from '../api';

interface Props {
  record: DemandRecord;
  action: DemandAction;
  onClose: () => void;
  onDone: (r: DemandRecord) => void;
  /** The record changed under the form (409): read it again (the dialog closes). */
  onStale: () => void;
}

type Values = Record<string, string | number | undefined>;

const AT_HINT = '留空为当前时间；补录时选择或输入，如 2022-03-01 14:05';

/** The form of one workflow action; the server checks it and names the field at fault. */
export function ActionModal({ record, action, onClose, onDone, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const orgs = useApi<Array<{ id: string; name: string }>>(action.event === 'assign' ? '/api/orgs' : null);
  const people = useApi<Array<{ id: string; name: string }>>(action.event === 'assign' && orgId ? `/api/demands/assignees?orgId=${orgId}` : null);
  const o = record.options;

  // The values come with 时间 as YYYY-MM-DD HH:mm (FormModal's `instants`); fields left empty are left out.
  const send = async (v: Record<string, unknown>) => {
    const body = Object.fromEntries(Object.entries({ ...v, at: instantText(v.at) }).filter(([, x]) => x !== undefined && x !== ''));
    return api.post<DemandRecord>(`/api/${record.module}/items/${record.id}/${action.event}`, { version: record.version, ...body });
  };

  const at = (
    <Form.Item name="at" label="时间" extra={AT_HINT}>
      <DateTimeInput placeholder="留空为当前时间" />
    </Form.Item>
  );
  return (
    <FormModal<DemandRecord>
      title={`${action.label} · ${record.refNo}`}
      okText="确定"
      form={form}
      instants={['at']}
      testId="demand-action-form"
      onStale={onStale}
      onSubmit={send}
      onClose={onClose}
      onDone={(r) => {
        message.success(`${action.label}成功`);
        onDone(r);
      }}
    >
      {action.event === 'assign' && (
        <>
          <Form.Item name="orgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
            <Select showSearch optionFilterProp="label" options={(orgs.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="assigneeId" label="承办人">
            <Select allowClear options={(people.data ?? []).map((x) => ({ value: x.id, label: x.name }))} placeholder="不指定" />
          </Form.Item>
          <Form.Item name="reason" label="派单说明">
            <Input />
          </Form.Item>
        </>
      )}
      {(action.event === 'sign' || action.event === 'close' || action.event === 'resume') && at}
      {action.event === 'return' && (
        <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: '请填写退回理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      {action.event === 'pause' && (
        <>
          <Form.Item
            name="reason"
            label="中止事由"
            rules={[{ required: true, message: '请选择中止事由' }]}
            extra="补正申请材料：收到补正后期限重新起算；征求意见：所需时间不计入期限"
          >
            <Select options={[...o.pauseReasons, ...o.restartReasons].map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          {at}
        </>
      )}
      {action.event === 'extend' && (
        <>
          <Form.Item
            name="n"
            label={`延长期限（${record.clock.extensionCap ? { workday: '工作日', day: '日', month: '月' }[record.clock.extensionCap.unit] : ''}）`}
            rules={[{ required: true, message: '请填写延长期限' }]}
            extra={record.clock.extensionCap ? `合计上限 ${record.clock.extensionCap.n}（${record.clock.extensionCap.source}）` : undefined}
          >
            <InputNumber min={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="approvedBy" label="批准人" rules={[{ required: true, message: '请填写批准人' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="approvedOn" label="批准日期" extra="留空为今日">
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写延期理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      {action.event === 'reply' && (
        <>
          {o.results ? (
            <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Select options={o.results.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="content" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          {at}
        </>
      )}
      {action.event === 'evaluate' && (
        <>
          <Form.Item name="satisfaction" label="评价" rules={[{ required: true, message: '请选择评价' }]}>
            <Select options={o.satisfactionValues.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.Item name="reason" label="回访记录">
            <Input.TextArea rows={2} />
          </Form.Item>
          {at}
        </>
      )}
    </FormModal>
  );
}
