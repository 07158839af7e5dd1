import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { applyApiError } from '../../../lib/formErrors';
import { systemApi, type User } from '../api';

/** 重置密码 — a new initial password, to be changed at next login; the user's sessions end and any lock is lifted. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ resetPassword: string }>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (v: { resetPassword: string }) => {
    setSaving(true);
    setError(null);
    try {
      await systemApi.updateUser(user.id, user.version, { resetPassword: v.resetPassword });
      message.success(`已重置 ${user.displayName} 的密码`);
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
      title={`重置密码 · ${user.displayName}（${user.username}）`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="重置"
      confirmLoading={saving}
      destroyOnHidden
      width={480}
    >
      <Alert type="warning" showIcon title="重置后该用户已登录的会话立即失效，下次登录须修改此密码；账号锁定同时解除。" style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="resetPassword"
          label="新的初始密码"
          extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类"
          rules={[{ required: true, message: '请输入新的初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
