import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { applyApiError } from '../../../lib/formErrors';
import { floodApi, type RiskPoint } from '../api';
import { clean, type FormOf, useStreets } from './common';

/** 登记 / 修改风险点 — the server's message lands on the field it names; edits carry the version. */
export function RiskPointFormModal({ point, onClose, onSaved }: { point: RiskPoint | null; onClose: () => void; onSaved: (p: RiskPoint) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const streets = useStreets();
  const submit = async (v: FormOf<RiskPoint, 'registeredOn'>) => {
    setSaving(true);
    setError(null);
    const body = clean({ ...v, registeredOn: v.registeredOn?.format('YYYY-MM-DD') });
    try {
      const saved = point ? await floodApi.updatePoint(point.id, point.version, body) : await floodApi.createPoint(body);
      message.success(point ? '风险点已保存' : '风险点已登记');
      onSaved(saved);
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={point ? `修改风险点 · ${point.code}` : '登记水浸风险点'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={point ? { ...point, registeredOn: dayjs(point.registeredOn) } : {}}>
        <Space.Compact block>
          <Form.Item name="code" label="编号" rules={[{ required: true, message: '请输入编号' }]} style={{ width: '35%' }}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]} style={{ width: '65%' }}>
            <Input />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="orgId" label="所在街道" rules={[{ required: true, message: '请选择所在街道' }]}>
            <Select options={streets} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="riskLevel" label="风险等级">
            <Select allowClear options={['高', '中', '低'].map((x) => ({ value: x, label: x }))} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="registeredOn" label="纳入台账日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="lng" label="经度">
            <InputNumber step={0.000001} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="lat" label="纬度">
            <InputNumber step={0.000001} style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Form.Item name="measure" label="整治措施">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="adminPerson" label="行政责任人">
            <Input />
          </Form.Item>
          <Form.Item name="techPerson" label="技术责任人">
            <Input />
          </Form.Item>
          <Form.Item name="patrolPerson" label="巡查责任人">
            <Input />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
