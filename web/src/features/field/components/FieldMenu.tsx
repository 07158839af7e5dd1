import { Suspense, useMemo, useState } from 'react';
import { App, Drawer, Menu, type MenuProps } from 'antd';
import { AppstoreOutlined, HomeOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCan, useMe, useSession } from '../../../api/session';
import { lazyNamed } from '../../../lib/lazyNamed';
import { FIELD_MENU, fieldPageLabel } from '../pages';
import { forgetReads } from '../outbox';

const ChangePasswordModal = lazyNamed(() => import('../../../shell/components/ChangePasswordModal'), 'ChangePasswordModal');

/**
 * The field app's menu, a drawer from the left: 外勤 and the pages the user may open, 待同步, the full
 * system (its desktop menu and every module), 修改密码 and 退出登录.
 */
export function FieldMenu({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const can = useCan();
  const { logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [changing, setChanging] = useState(false);

  const signOut = async () => {
    await logout().catch(() => undefined);
    // The service worker and the field pages forget the answers they kept for offline use (web/public/sw.js).
    navigator.serviceWorker?.controller?.postMessage('sign-out');
    await forgetReads().catch(() => undefined);
    message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  const items = useMemo<Required<MenuProps>['items']>(
    () => [
      { key: '/field', icon: <HomeOutlined />, label: '外勤' },
      ...FIELD_MENU.filter((m) => can(m.permission)).map((m) => ({ key: m.path, label: m.label })),
      { key: '/field/outbox', label: '待同步' },
      { type: 'divider' },
      { key: '/', icon: <AppstoreOutlined />, label: '完整系统' },
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    [can],
  );
  const selected = pathname.startsWith('/field/cases/') ? '/field/cases' : fieldPageLabel(pathname) || pathname === '/field' ? pathname : '';

  return (
    <>
      <Drawer placement="left" open={open} onClose={onClose} size={280} title={me.name} styles={{ body: { padding: 0 } }} data-testid="menu-drawer">
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          onClick={({ key }) => {
            if (key === 'logout') void signOut();
            else if (key === 'password') {
              onClose();
              setChanging(true);
            } else navigate(key);
          }}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        />
      </Drawer>
      {changing ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
