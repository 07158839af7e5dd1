import { Suspense, useState } from 'react';
import { App, Avatar, Button, Dropdown, Flex, Grid, Layout, Tag, Typography } from 'antd';
import { IdcardOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe, useSession } from '../../api/session';
import { ChangePasswordModal } from './ChangePasswordModal';

// The bell (its popover and list) loads beside the page, not before it.
const ReminderBell = lazyNamed(() => import('./ReminderBell'), 'ReminderBell');
const OutboxBadge = lazyNamed(() => import('./OutboxBadge'), 'OutboxBadge');
import { lazyNamed } from '../../lib/lazyNamed';

/**
 * Header: system and bureau name on the left; the user, org and roles with 修改密码 / 退出登录 on the right.
 * On a phone (`onMenu` given) a menu button opens the side menu's drawer. What the field app recorded
 * and has not yet sent shows as 待同步 with its count (a refusal in red), linking to the list.
 */
export function HeaderBar({ onMenu }: { onMenu?: () => void } = {}) {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  // On a phone the header keeps the name, the bell and the user: the bureau, the unit and the roles are on the home page.
  const wide = Grid.useBreakpoint().md ?? true;

  const onLogout = async () => {
    await logout().catch(() => undefined);
    // The service worker forgets the answers it kept for offline use (web/public/sw.js).
    navigator.serviceWorker?.controller?.postMessage('sign-out');
    await import('../../features/field/outbox').then((o) => o.forgetReads()).catch(() => undefined);
    message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, ...(onMenu ? { paddingInline: 12 } : {}) }}>
      {onMenu ? (
        <Button
          type="text"
          aria-label="菜单"
          icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} />}
          onClick={onMenu}
          style={{ marginInlineEnd: -8 }}
        />
      ) : null}
      <Flex align="center" gap={12} style={{ minWidth: 0, cursor: 'pointer', flex: onMenu ? 1 : undefined }} onClick={() => navigate('/')}>
        <SafetyCertificateOutlined style={{ fontSize: 24, color: '#fff' }} />
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>法治水务</Typography.Text>
        {wide ? (
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', whiteSpace: 'nowrap' }} ellipsis>
            {me.tenant?.name ?? '区水务局'} · 法治工作系统
          </Typography.Text>
        ) : null}
      </Flex>
      <Flex align="center" gap={onMenu ? 12 : 16}>
        <Suspense fallback={null}>
          <OutboxBadge wide={wide} />
        </Suspense>
        <Suspense fallback={null}>
          <ReminderBell />
        </Suspense>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'profile', icon: <IdcardOutlined />, label: '个人中心' },
              { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
            ],
            onClick: ({ key }) => (key === 'logout' ? void onLogout() : key === 'profile' ? navigate('/profile') : setChanging(true)),
          }}
        >
          <Flex align="center" gap={8} style={{ cursor: 'pointer', color: '#fff' }} data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.2)' }} />
            <span style={{ whiteSpace: 'nowrap' }}>{me.name}</span>
            {wide ? <span style={{ color: 'rgba(255,255,255,0.75)', whiteSpace: 'nowrap' }}>{me.org?.name}</span> : null}
            {(wide ? me.roles : []).map((r) => (
              <Tag key={r.key} color="rgba(255,255,255,0.15)" style={{ marginInlineEnd: 0, color: '#fff', borderColor: 'transparent' }}>
                {r.label}
              </Tag>
            ))}
          </Flex>
        </Dropdown>
      </Flex>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout.Header>
  );
}
