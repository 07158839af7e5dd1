import { Alert, App, Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { systemApi, type User } from '../api';

/** 重置密码 — a new initial password, to be changed at next login; the user's sessions end and any lock is lifted. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <FormModal
      title={`重置密码 · ${user.displayName}（${user.username}）`}
      okText="重置"
      width={480}
      intro={<Alert type="warning" showIcon title="重置后该用户已登录的会话立即失效，下次登录须修改此密码；账号锁定同时解除。" style={{ marginBottom: 16 }} />}
      onClose={onClose}
      onSubmit={(v) => systemApi.updateUser(user.id, user.version, { resetPassword: v.resetPassword as string })}
      onDone={() => {
        message.success(`已重置 ${user.displayName} 的密码`);
        onDone();
      }}
    >
      <Form.Item
        name="resetPassword"
        label="新的初始密码"
        extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类"
        rules={[{ required: true, message: '请输入新的初始密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
