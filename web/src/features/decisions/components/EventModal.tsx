import { Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import { WorkflowEventModal } from '../../../components/WorkflowEventModal';
import { decisionsApi, PARTICIPATION_METHODS, RISK_LEVELS, type Decision, type DecisionAction, type DecisionEvent } from '../api';

interface Props {
  d: Decision;
  action: DecisionAction;
  onClose(): void;
  onDone(d: Decision): void;
}

const DATE_LABELS: Record<DecisionEvent, string> = {
  scope: '调整日期',
  consult: '征求意见开始日期',
  participation: '公众参与完成日期',
  expert: '专家论证日期',
  risk: '风险评估日期',
  submit_review: '送审日期',
  review_pass: '审查意见日期',
  review_fail: '审查意见日期',
  decide: '会议日期',
  defer: '会议日期',
  reject: '会议日期',
  publish: '公布日期',
  evaluate: '评估日期',
  archive: '归档日期',
};

const SCOPE_STEPS = [
  { value: 'participation', label: '公众参与' },
  { value: 'expert', label: '专家论证' },
  { value: 'risk', label: '风险评估' },
  { value: 'publication', label: '决策公布' },
  { value: 'evaluation', label: '决策后评估' },
];

const text = (name: string, label: string, opts: { required?: boolean; rows?: number; testId?: string; extra?: string } = {}) => (
  <Form.Item name={name} label={label} extra={opts.extra} rules={opts.required ? [{ required: true, message: `请填写${label}` }] : undefined}>
    <Input.TextArea rows={opts.rows ?? 2} data-testid={opts.testId ?? `event-${name}`} />
  </Form.Item>
);

/** One step of a decision: its date and the record it needs; the server checks the rules and answers with the decision. */
export function EventModal({ d, action, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const required = Form.useWatch('required', form) ?? true;
  const headDiffers = Form.useWatch('headDiffers', form) ?? false;
  const discussion = (
    <>
      <Form.Item name="meeting" label="会议名称" rules={[{ required: true, message: '请填写会议名称' }]}>
        <Input maxLength={200} placeholder="局长办公会议、局务会议" data-testid="event-meeting" />
      </Form.Item>
      {text('attendees', '参会人员', { required: true })}
      {text('content', action.event === 'decide' ? '决定内容' : '讨论情况', { required: true, rows: 3 })}
      {text('dissent', '不同意见', { extra: '会议组成人员的不同意见应当如实载明（条例第三十条）' })}
      <Form.Item name="headDiffers" valuePropName="checked">
        <Checkbox>行政首长的决定与会议组成人员多数人的意见不一致</Checkbox>
      </Form.Item>
      {headDiffers ? text('headReason', '首长在会上说明的理由', { required: true }) : null}
      {text('shortReviewReason', '审查时间不足7个工作日的理由', { extra: '送审至会议不足7个工作日的须填写（条例第二十六条）' })}
    </>
  );
  const fields: Partial<Record<DecisionEvent, React.ReactNode>> = {
    scope: (
      <>
        <Form.Item name="step" label="程序环节" rules={[{ required: true, message: '请选择程序环节' }]}>
          <Select options={SCOPE_STEPS} data-testid="event-step" />
        </Form.Item>
        <Form.Item name="required" label="是否适用">
          <Radio.Group
            options={[
              { value: true, label: '需要' },
              { value: false, label: '不适用' },
            ]}
          />
        </Form.Item>
        {required === false ? text('reason', '不适用理由', { required: true }) : null}
      </>
    ),
    consult: (
      <>
        <Form.Item
          name="endsOn"
          label="征求意见截止日期"
          rules={[{ required: true, message: '请选择截止日期' }]}
          extra="公开征求意见的期限一般不少于30日（条例第十五条）"
        >
          <DatePicker data-testid="event-endsOn" />
        </Form.Item>
        {text('shortReason', '期限缩短理由', { extra: '少于30日的须在征求意见时说明理由' })}
      </>
    ),
    participation: (
      <>
        <Form.Item name="methods" label="参与方式" rules={[{ required: true, message: '请选择参与方式' }]}>
          <Select mode="multiple" options={PARTICIPATION_METHODS.map((m) => ({ value: m, label: m }))} data-testid="event-methods" />
        </Form.Item>
        {text('record', '意见收集与采纳情况', { required: true, rows: 3 })}
      </>
    ),
    expert: (
      <>
        {text('experts', '论证专家（机构）', { required: true })}
        {text('record', '论证意见', { required: true, rows: 3 })}
      </>
    ),
    risk: (
      <>
        <Form.Item name="level" label="风险等级" rules={[{ required: true, message: '请选择风险等级' }]}>
          <Radio.Group options={[...RISK_LEVELS]} data-testid="event-level" />
        </Form.Item>
        {text('record', '评估结论', { required: true, rows: 3 })}
      </>
    ),
    review_pass: (
      <>
        <Form.Item name="result" label="审查意见" rules={[{ required: true, message: '请选择审查意见' }]}>
          <Radio.Group options={['同意', '修改后同意']} data-testid="event-result" />
        </Form.Item>
        {text('opinion', '审查意见内容', { required: true, rows: 3, extra: '决策事项是否符合法定权限、是否履行法定程序、内容是否合法（条例第二十七条）' })}
      </>
    ),
    review_fail: text('opinion', '不同意的理由', { required: true, rows: 3 }),
    decide: discussion,
    defer: discussion,
    reject: discussion,
    publish: (
      <>
        <Form.Item name="channel" label="公布途径" rules={[{ required: true, message: '请填写公布途径' }]}>
          <Input maxLength={200} placeholder="区政府门户网站、政府公报" data-testid="event-channel" />
        </Form.Item>
        <Form.Item name="ref" label="文号">
          <Input maxLength={200} />
        </Form.Item>
      </>
    ),
    evaluate: (
      <>
        <Form.Item name="by" label="评估单位" rules={[{ required: true, message: '请填写评估单位' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {text('record', '评估结论', { required: true, rows: 3 })}
      </>
    ),
  };
  return (
    <WorkflowEventModal
      action={action}
      dateLabels={DATE_LABELS}
      fields={fields}
      form={form}
      send={async (v) => {
        const body: Record<string, unknown> = { version: d.version, ...v };
        if (action.event === 'scope' && body.required) body.reason = null;
        onDone(await decisionsApi.step(d.id, action.event, body));
      }}
      onClose={onClose}
      initialValues={{ required: true, headDiffers: false }}
      width={600}
    />
  );
}
