import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { FormModal } from '../../../components/FormModal';
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
  /** YYYY-MM-DD (FormModal sends the picked date so). */
  receivedOn: string;
  caseNo?: string;
};

/** 收件登记 — a new application; the server starts the 5-working-day correction clock. */
export function NewPermitModal({ onClose, onCreated }: Props) {
  const items = useApi<PermitItem[]>('/api/licensing/items');
  const receive = (values: Record<string, unknown>) => {
    const v = values as Values;
    return licensingApi.receive({ ...v, applicantUscc: v.applicantUscc?.trim() || null, caseNo: v.caseNo?.trim() || null });
  };
  return (
    <FormModal<Permit>
      title="收件登记"
      okText="登记"
      width={600}
      initialValues={{ channel: '网上', visits: 0, applicantType: '法人', receivedOn: dayjs() }}
      onSubmit={receive}
      onDone={onCreated}
      onClose={onClose}
    >
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
    </FormModal>
  );
}
