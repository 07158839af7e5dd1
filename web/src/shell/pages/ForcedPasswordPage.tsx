import { Alert, App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../../api/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { AuthCard } from './AuthCard';

/** 首次登录修改密码 — nothing else can be done until the initial password is changed. */
export function ForcedPasswordPage() {
  const me = useMe();
  const { refresh, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <AuthCard subtitle={`${me.name}，请修改初始密码`}>
      <Alert type="warning" showIcon title="为保障账号安全，首次登录或密码被重置后须先修改密码，方可使用系统。" style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        submitText="修改密码并进入系统"
        onDone={async () => {
          message.success('密码已修改');
          await refresh();
          navigate('/', { replace: true });
        }}
      />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
        退出登录
      </Button>
    </AuthCard>
  );
}
