import { App, Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the header menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title="修改密码" destroyOnHidden width={420}>
      <ChangePasswordForm
        onDone={() => {
          message.success('密码已修改');
          onClose();
        }}
      />
    </Modal>
  );
}
