import { Suspense, useEffect, useState } from 'react';
import { Button, Flex, Layout, Spin, Typography, theme } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { lazyNamed } from '../../../lib/lazyNamed';
import { fieldPageLabel } from '../pages';

// What the frame shows beside the page loads after it: the drawer (menu, 修改密码, 退出登录) on the
// first tap of 菜单, the 待同步 badge beside the page (it also starts the outbox's sync).
const FieldMenu = lazyNamed(() => import('./FieldMenu'), 'FieldMenu');
const OutboxBadge = lazyNamed(() => import('../../../shell/components/OutboxBadge'), 'OutboxBadge');

const APP_TITLE = '法治水务';

/**
 * The field app's frame, phone-first at every width: a header (菜单, the name — back to 外勤 —, 待同步)
 * and the page in one column (at most 760 px wide on a desktop screen). The menu is a drawer with the
 * field pages, the way to the full system, 修改密码 and 退出登录.
 */
export function FieldLayout() {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  // The drawer is open on the page it was opened on: choosing a page closes it. Mounted on first use.
  const [drawerOn, setDrawerOn] = useState<string | null>(null);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const open = drawerOn === pathname;
  useEffect(() => {
    const page = fieldPageLabel(pathname);
    document.title = page ? `${page} - 外勤 · ${APP_TITLE}` : `外勤 · ${APP_TITLE}`;
  }, [pathname]);
  return (
    <Layout style={{ minHeight: '100%', background: token.colorBgContainer }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 12, position: 'sticky', top: 0, zIndex: 10 }}>
        <Button
          type="text"
          aria-label="菜单"
          icon={<MenuOutlined style={{ color: '#fff', fontSize: 20 }} />}
          onClick={() => {
            setDrawerUsed(true);
            setDrawerOn(pathname);
          }}
          style={{ marginInlineEnd: -8 }}
        />
        <Flex align="baseline" gap={8} style={{ flex: 1, minWidth: 0, cursor: 'pointer' }} onClick={() => navigate('/field')}>
          <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{APP_TITLE}</Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)', whiteSpace: 'nowrap' }}>外勤</Typography.Text>
        </Flex>
        <Suspense fallback={null}>
          <OutboxBadge wide={false} />
        </Suspense>
      </Layout.Header>
      {drawerUsed ? (
        <Suspense fallback={null}>
          <FieldMenu open={open} onClose={() => setDrawerOn(null)} />
        </Suspense>
      ) : null}
      <Layout.Content className="fz-narrow" style={{ padding: 12, width: '100%', maxWidth: 760, marginInline: 'auto', minWidth: 0 }}>
        <Suspense
          fallback={
            <Flex justify="center" style={{ padding: 80 }}>
              <Spin description="正在加载…" />
            </Flex>
          }
        >
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
