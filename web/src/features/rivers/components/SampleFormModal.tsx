import { App, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { FormModal } from '../../../components/FormModal';
import { MEASURES, riversApi, type River, type Sample } from '../api';

/** 录入水质监测 — the server classifies and grades it; the result (and any alert) is shown by the caller. */
export function SampleFormModal({ riverId, onClose, onSaved }: { riverId?: string; onClose: () => void; onSaved: (s: Sample) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const rivers = useApi<River[]>('/api/rivers');
  const chosen = Form.useWatch('riverId', form) as string | undefined;
  const sections = rivers.data?.find((r) => r.id === chosen)?.sections ?? [];
  return (
    <FormModal<Sample>
      title="录入水质监测"
      okText="保存并判定"
      width={720}
      form={form}
      initialValues={{ riverId, sampledOn: dayjs() }}
      onSubmit={(v) => riversApi.recordSample(v)}
      onDone={(s) => {
        message.success('监测记录已保存');
        onSaved(s);
      }}
      onClose={onClose}
      testId="sample-form"
    >
      <Space wrap>
        <Form.Item name="riverId" label="河涌" rules={[{ required: true, message: '请选择河涌' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            options={(rivers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            data-testid="sample-river"
          />
        </Form.Item>
        <Form.Item name="sectionId" label="断面">
          <Select allowClear style={{ width: 160 }} options={sections.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="sampledOn" label="采样日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap>
        {MEASURES.map(([key, label, unit]) => (
          <Form.Item key={key} name={key} label={`${label}（${unit}）`}>
            <InputNumber style={{ width: 150 }} step={0.01} />
          </Form.Item>
        ))}
      </Space>
    </FormModal>
  );
}
