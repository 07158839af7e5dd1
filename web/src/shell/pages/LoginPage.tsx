import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../api/session';
import { AuthCard } from './AuthCard';

interface Values {
  username: string;
  password: string;
}

/** 登录 — username and password; the server's message is shown as it comes (wrong password, lockout …). */
export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string; expired?: boolean } | null)?.from;
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = '登录 · 法治水务';
  }, []);

  if (state.status === 'signed-in') return <Navigate to={from && from !== '/login' ? from : '/'} replace />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard subtitle="区水务局法治工作系统">
      {expired && !error ? <Alert type="warning" showIcon title="登录已失效，请重新登录" style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center', fontSize: 12 }}>
        忘记密码或账号被锁定，请联系系统管理员
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, textAlign: 'center', fontSize: 13 }}>
        <Link to="/public" data-testid="login-portal-link">
          公众网上服务：信息公开申请、网上信访、进度查询
        </Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
