import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from '../../../components/FormModal';
import { licensingApi, type Permit, type PermitAction, type PermitActionKey } from '../api';

interface Props {
  permit: Permit;
  action: PermitAction;
  onClose(): void;
  onDone(p: Permit): void;
}

const PAUSE_REASONS = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];

/** One step of a permit case: the fields it needs; the server checks the statutory clocks and answers with the case. */
export function StepModal({ permit, action, onClose, onDone }: Props) {
  const today = dayjs();
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
      <DatePicker data-testid={`step-${name}`} />
    </Form.Item>
  );
  const fields: Record<PermitActionKey, React.ReactNode> = {
    correction: (
      <>
        {date('noticeOn', '补正告知日期')}
        <Form.Item name="items" label="需补正的全部内容（一次告知）" rules={[{ required: true, message: '请填写需补正的全部内容' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    ),
    corrected: date('correctedOn', '补正材料收到日期'),
    accept: date('acceptedOn', '受理日期'),
    not_accept: (
      <>
        {date('on', '不予受理日期')}
        <Form.Item name="reason" label="不予受理理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    ),
    pause: (
      <>
        <Form.Item name="reason" label="事由（不计入期限）" rules={[{ required: true, message: '请选择事由' }]}>
          <Select options={PAUSE_REASONS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        {date('from', '开始日期')}
        {date('to', '结束日期')}
      </>
    ),
    extend: (
      <>
        <Form.Item name="days" label="延长工作日（不超过10日）" rules={[{ required: true, message: '请填写延长天数' }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        {date('approvedOn', '负责人批准日期')}
        <Form.Item name="reason" label="延长理由（应告知申请人）" rules={[{ required: true, message: '请填写延长理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    decide: (
      <>
        {date('decidedOn', '决定日期')}
        <Form.Item name="result" label="办理结果" rules={[{ required: true }]}>
          <Radio.Group options={['准予许可', '不予许可']} />
        </Form.Item>
        <Form.Item name="decisionNo" label="决定文书号" extra="留空则按年度自动编号">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="说明（不予许可须说明理由）">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
    certify: (
      <>
        {date('issuedOn', '发证日期')}
        <Form.Item name="certificateNo" label="证件编号" rules={[{ required: true, message: '请填写证件编号' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </>
    ),
    publish: date('publishedOn', '公示日期'),
  };
  const initial: Record<string, unknown> = {
    noticeOn: today,
    correctedOn: today,
    acceptedOn: today,
    on: today,
    from: today,
    to: today,
    approvedOn: today,
    decidedOn: today,
    issuedOn: today,
    publishedOn: today,
    result: '准予许可',
    days: 10,
  };
  return (
    <FormModal
      title={action.label}
      okText="确定"
      width={520}
      initialValues={initial}
      onSubmit={(v) => licensingApi.step(permit.id, action.event, { version: permit.version, ...v })}
      onClose={onClose}
      onDone={onDone}
      testId="step-form"
    >
      {fields[action.event]}
    </FormModal>
  );
}
