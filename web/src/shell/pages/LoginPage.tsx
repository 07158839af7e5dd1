import { type FormEvent, useEffect, useState } from 'react';
import { Button, Input, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../api/session';
import { AuthCard } from './AuthCard';

/** A notice above the form (the server's refusal, an expired session), in the theme's alert colours. */
function Notice({ kind, text, testId }: { kind: 'error' | 'warning'; text: string; testId?: string }) {
  const { token } = theme.useToken();
  const c = kind === 'error' ? { bg: token.colorErrorBg, border: token.colorErrorBorder } : { bg: token.colorWarningBg, border: token.colorWarningBorder };
  return (
    <div
      role="alert"
      data-testid={testId}
      style={{
        marginBottom: 16,
        padding: '8px 12px',
        background: c.bg,
        border: `1px solid ${c.border}`,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
      }}
    >
      {text}
    </div>
  );
}

/** A field's own message under it (请输入用户名). */
function FieldError({ text }: { text: string | null }) {
  const { token } = theme.useToken();
  return <div style={{ minHeight: 24, color: token.colorError, fontSize: token.fontSize, lineHeight: '24px' }}>{text}</div>;
}

/**
 * 登录 — username and password; the server's message is shown as it comes (wrong password, lockout …).
 * A plain form of Ant Design's Input and Button, not its Form (which brings the validator, the
 * label tooltips and Typography): the sign-in page is everyone's first load (bundle budget test).
 */
export function LoginPage() {
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const from = (location.state as { from?: string; expired?: boolean } | null)?.from;
  const expired = (location.state as { expired?: boolean } | null)?.expired;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = '登录 · 法治水务';
  }, []);

  if (state.status === 'signed-in') return <Navigate to={from && from !== '/login' ? from : '/'} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const want = { username: !username.trim(), password: !password };
    setMissing(want);
    if (want.username || want.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(from && from !== '/login' ? from : '/', { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard subtitle="区水务局法治工作系统">
      {expired && !error ? <Notice kind="warning" text="登录已失效，请重新登录" /> : null}
      {error ? <Notice kind="error" text={error} testId="login-error" /> : null}
      <form onSubmit={submit} noValidate>
        <Input
          size="large"
          prefix={<UserOutlined />}
          placeholder="用户名"
          autoComplete="username"
          autoFocus
          aria-label="用户名"
          value={username}
          status={missing.username ? 'error' : undefined}
          onChange={(e) => {
            setUsername(e.target.value);
            if (e.target.value.trim()) setMissing((m) => ({ ...m, username: false }));
          }}
        />
        <FieldError text={missing.username ? '请输入用户名' : null} />
        <Input.Password
          size="large"
          prefix={<LockOutlined />}
          placeholder="密码"
          autoComplete="current-password"
          aria-label="密码"
          value={password}
          status={missing.password ? 'error' : undefined}
          onChange={(e) => {
            setPassword(e.target.value);
            if (e.target.value) setMissing((m) => ({ ...m, password: false }));
          }}
        />
        <FieldError text={missing.password ? '请输入密码' : null} />
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          登录
        </Button>
      </form>
      <p style={{ margin: '16px 0 0', textAlign: 'center', fontSize: 12, color: token.colorTextSecondary }}>忘记密码或账号被锁定，请联系系统管理员</p>
      <p style={{ margin: '12px 0 0', textAlign: 'center', fontSize: 13 }}>
        <Link to="/public" data-testid="login-portal-link" style={{ color: token.colorLink }}>
          公众网上服务：信息公开申请、网上信访、进度查询
        </Link>
      </p>
    </AuthCard>
  );
}
