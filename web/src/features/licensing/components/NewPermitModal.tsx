import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApi } from '../../../api/useApi';
import { useServerSubmit } from '../../../lib/serverSubmit';
import { licensingApi, type Permit, type PermitItem } from '../api';

interface Props {
  onClose(): void;
  onCreated(p: Permit): void;
}

type Values = {
  itemId: string;
  applicant: string;
  applicantType: string;
  applicantUscc?: string;
  channel: '网上' | '窗口';
  visits: number;
  receivedOn: Dayjs;
  caseNo?: string;
};

/** 收件登记 — a new application; the server starts the 5-working-day correction clock. */
export function NewPermitModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const items = useApi<PermitItem[]>('/api/licensing/items');
  const { error, saving, submit } = useServerSubmit(form, async (v: Values) => {
    const p = await licensingApi.receive({
      ...v,
      applicantUscc: v.applicantUscc?.trim() || null,
      caseNo: v.caseNo?.trim() || null,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
    });
    onCreated(p);
  });
  return (
    <Modal
      open
      title="收件登记"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      width={600}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: '网上', visits: 0, applicantType: '法人', receivedOn: dayjs() }}>
        <Form.Item name="itemId" label="许可事项" rules={[{ required: true, message: '请选择许可事项' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={items.loading}
            options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}（${i.category}，承诺${i.committedDays}个工作日）` }))}
            data-testid="permit-item"
          />
        </Form.Item>
        <Form.Item name="applicant" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="applicantType" label="申请人类型">
          <Radio.Group options={['法人', '其他组织', '个体工商户', '自然人']} />
        </Form.Item>
        <Form.Item name="applicantUscc" label="统一社会信用代码" extra="自然人不登记证件号">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="channel" label="申请渠道">
          <Radio.Group options={['网上', '窗口']} />
        </Form.Item>
        <Form.Item name="visits" label="跑动次数">
          <InputNumber min={0} max={20} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收件日期" rules={[{ required: true, message: '请选择收件日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="caseNo" label="办件编号" extra="留空则自动编号">
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
