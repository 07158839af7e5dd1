import { Suspense, useMemo, useState } from 'react';
import { Flex, Grid, Layout, Spin } from 'antd';
import { Outlet, useLocation } from 'react-router-dom';
import { HeaderBar } from './HeaderBar';
import { Breadcrumbs } from './Breadcrumbs';
import { useMe } from '../../api/session';
import { type PageCrumb, PageCrumbContext } from '../../components/PageTitle';
import { lazyNamed } from '../../lib/lazyNamed';

// The menu (Ant Design's Menu, the heaviest part of the frame) loads beside the page, not before it:
// a phone opening the field app waits for neither (tests/browser/budget.test.ts).
const SideMenu = lazyNamed(() => import('./SideMenu'), 'SideMenu');
const MenuDrawer = lazyNamed(() => import('./MenuDrawer'), 'MenuDrawer');
const DocumentTitle = lazyNamed(() => import('./DocumentTitle'), 'DocumentTitle');
const ScreenWatermark = lazyNamed(() => import('./ScreenWatermark'), 'ScreenWatermark');

/** Whether the window is narrower than Ant Design's `md` (768 px): a phone. Known before the first paint. */
function useNarrow(): boolean {
  const md = Grid.useBreakpoint().md;
  return md === undefined ? typeof window !== 'undefined' && window.matchMedia('(max-width: 767.98px)').matches : !md;
}

/**
 * The screen watermark (屏幕水印), when the bureau's admin turned it on (系统设置): the signed-in user's
 * name and account and today's date over the whole window (ScreenWatermark.tsx, loaded only then).
 */
function WatermarkLayer() {
  const me = useMe();
  if (!me.tenant?.watermark) return null;
  return (
    <Suspense fallback={null}>
      <ScreenWatermark who={`${me.name} ${me.username}`} />
    </Suspense>
  );
}

/**
 * The frame of every page behind the login: header, side menu, breadcrumbs, the page. On a phone
 * (< 768 px) the menu is a drawer opened from the header's menu button, and the page has the full width.
 */
export function MainLayout() {
  const [collapsed, setCollapsed] = useState(false);
  // The page's own name for the breadcrumbs (its PageTitle sets it: a record page's number).
  const [crumb, setCrumb] = useState<PageCrumb | null>(null);
  // …and the record a drawer over a list shows (useRecordCrumb).
  const [recordCrumb, setRecordCrumb] = useState<PageCrumb | null>(null);
  const crumbs = useMemo(() => ({ page: setCrumb, record: setRecordCrumb }), []);
  const narrow = useNarrow();
  const { pathname } = useLocation();
  // The drawer is open on the page it was opened on: choosing a page (or a wider window) closes it.
  const [drawerOn, setDrawerOn] = useState<string | null>(null);
  const drawer = narrow && drawerOn === pathname;
  const setDrawer = (open: boolean) => setDrawerOn(open ? pathname : null);
  return (
    <>
      <WatermarkLayer />
      <Layout style={{ minHeight: '100%' }}>
        <HeaderBar onMenu={narrow ? () => setDrawer(true) : undefined} />
        <Suspense fallback={null}>
          <DocumentTitle />
        </Suspense>
        <Layout>
          {narrow ? (
            <Suspense fallback={null}>
              <MenuDrawer open={drawer} onClose={() => setDrawer(false)} />
            </Suspense>
          ) : (
            <Layout.Sider
              width={216}
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              theme="light"
              // The menu scrolls on its own under the header, so the collapse trigger
              // (fixed at the bottom) never covers a menu entry.
              style={{ borderRight: '1px solid #e5e8ee', position: 'sticky', top: 0, alignSelf: 'flex-start', height: '100vh' }}
            >
              <div style={{ height: '100%', overflowY: 'auto', paddingBottom: 56 }}>
                <Suspense fallback={null}>
                  <SideMenu />
                </Suspense>
              </div>
            </Layout.Sider>
          )}
          <Layout.Content style={{ padding: narrow ? 12 : 20, minWidth: 0 }} className={narrow ? 'fz-narrow' : undefined}>
            <Breadcrumbs page={crumb} record={recordCrumb} narrow={narrow} />
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 80 }}>
                  <Spin description="正在加载…" />
                </Flex>
              }
            >
              <PageCrumbContext.Provider value={crumbs}>
                <Outlet />
              </PageCrumbContext.Provider>
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </>
  );
}
