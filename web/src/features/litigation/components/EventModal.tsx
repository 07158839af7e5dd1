import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import { useApi } from '../../../api/useApi';
import { WorkflowEventModal } from '../../../components/WorkflowEventModal';
import { APPELLANTS, HEAD_ROLES, litigationApi, type CaseAction, type CaseEvent, type LitCase, type OutcomeCategory } from '../api';

interface Props {
  c: LitCase;
  action: CaseAction;
  onClose(): void;
  onDone(c: LitCase): void;
}

const DATE_LABELS: Record<CaseEvent, string> = {
  reply: '答复（答辩）提交日期',
  hearing: '开庭（听证）日期',
  conclude: '决定（裁判）作出日期',
  serve: '送达日期',
  appeal: '上诉日期',
  rectify: '整改日期',
  close: '结案日期',
};

/** One event of a case: its date and the fields it needs; the server checks the guards and answers with the case. */
export function EventModal({ c, action, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const appeared = Form.useWatch('appeared', form) ?? true;
  const outcomes = useApi<OutcomeCategory[]>(action.event === 'conclude' ? '/api/litigation/outcomes' : null);
  const fields: Partial<Record<CaseEvent, React.ReactNode>> = {
    hearing: (
      <>
        <Form.Item name="appeared" label={c.kind === '复议' ? '负责人参加听证' : '负责人出庭应诉'}>
          <Radio.Group
            options={[
              { value: true, label: '是' },
              { value: false, label: '否' },
            ]}
            data-testid="event-appeared"
          />
        </Form.Item>
        {appeared ? (
          <>
            <Form.Item name="headRole" label="出庭负责人职务" rules={[{ required: true, message: '请选择负责人职务' }]}>
              <Select options={HEAD_ROLES.map((r) => ({ value: r, label: r }))} data-testid="event-headRole" />
            </Form.Item>
            <Form.Item name="headName" label="出庭负责人" rules={[{ required: true, message: '请填写出庭负责人' }]}>
              <Input maxLength={50} data-testid="event-headName" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="absenceReason" label="负责人未出庭理由" rules={[{ required: true, message: '请填写负责人未出庭的理由' }]}>
            <Input.TextArea rows={2} data-testid="event-absenceReason" />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    conclude: (
      <>
        <Form.Item name="outcome" label={c.kind === '复议' ? '复议决定类别' : '裁判结果类别'} rules={[{ required: true, message: '请选择结果类别' }]}>
          <Select
            loading={outcomes.loading}
            data-testid="event-outcome"
            options={(outcomes.data ?? []).filter((o) => o.kind === c.kind).map((o) => ({ value: o.value, label: `${o.value}（${o.label}，${o.source}）` }))}
          />
        </Form.Item>
        <Form.Item name="servedOn" label="送达日期" extra={c.kind === '诉讼' ? '一审判决、驳回起诉裁定的上诉期限自送达之日起算' : undefined}>
          <DatePicker data-testid="event-servedOn" />
        </Form.Item>
        <Form.Item name="actChanged" valuePropName="checked" extra="仅用于调解、撤诉、终止：本局已撤销或变更原行为的，计入纠错">
          <Checkbox>本局已改变原行为</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="结果说明">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    appeal: (
      <Form.Item name="appellant" label="上诉人" rules={[{ required: true, message: '请选择上诉人' }]}>
        <Radio.Group options={[...APPELLANTS]} />
      </Form.Item>
    ),
    rectify: (
      <Form.Item
        name="rectification"
        label="整改落实情况"
        rules={[{ required: true, message: '请填写整改落实情况' }]}
        extra="如撤销处罚的，写明撤回公示、重新处理等"
      >
        <Input.TextArea rows={3} data-testid="event-rectification" />
      </Form.Item>
    ),
  };
  return (
    <WorkflowEventModal
      action={action}
      dateLabels={DATE_LABELS}
      fields={fields}
      form={form}
      send={async ({ appeared: headAppeared, ...v }) => {
        const body: Record<string, unknown> = { version: c.version, ...v };
        if (action.event === 'hearing') {
          if (headAppeared) body.absenceReason = null;
          else {
            body.headRole = null;
            body.headName = null;
          }
        }
        onDone(await litigationApi.step(c.id, action.event, body));
      }}
      onClose={onClose}
      initialValues={{ appeared: true }}
    />
  );
}
