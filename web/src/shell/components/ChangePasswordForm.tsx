import { Alert, Button, Form, Input } from 'antd';
import { api } from '../../api/client';
import { useServerSubmit } from '../../lib/serverSubmit';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  /** Called after the server accepted the new password. */
  onDone: () => void;
  submitText?: string;
}

/** 修改密码: old and new password; the server checks the policy and says what is wrong. */
export function ChangePasswordForm({ onDone, submitText = '修改密码' }: Props) {
  const [form] = Form.useForm<Values>();
  const { error, saving, submit } = useServerSubmit(form, async (v: Values) => {
    await api.post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
    form.resetFields();
    onDone();
  });

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类"
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block>
        {submitText}
      </Button>
    </Form>
  );
}
