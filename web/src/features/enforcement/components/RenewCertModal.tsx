import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { applyApiError } from '../../../lib/formErrors';
import type { Officer } from '../api';

interface Props {
  officer: Officer;
  onClose(): void;
  onDone(): void;
}

/** 换证 — records a renewed enforcement certificate: new number, issue date and validity (audited on the officer). */
export function RenewCertModal({ officer, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: { certNo: string; certIssuedOn: Dayjs; certValidUntil: Dayjs }) => {
    setSaving(true);
    setError(null);
    try {
      await api.patch(`/api/enforcement/officers/${officer.id}`, {
        version: officer.version,
        orgId: officer.orgId,
        name: officer.name,
        examScore: officer.examScore,
        active: officer.active,
        certNo: v.certNo.trim(),
        certIssuedOn: v.certIssuedOn.format('YYYY-MM-DD'),
        certValidUntil: v.certValidUntil.format('YYYY-MM-DD'),
      });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`换证：${officer.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ certNo: officer.certNo ?? '', certIssuedOn: dayjs(), certValidUntil: dayjs().add(5, 'year') }}
      >
        <Form.Item name="certNo" label="新执法证号" rules={[{ required: true, message: '请填写执法证号' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="certIssuedOn" label="发证日期" rules={[{ required: true, message: '请选择发证日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="certValidUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
