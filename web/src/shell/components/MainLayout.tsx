import { Suspense, useState } from 'react';
import { Flex, Layout, Spin } from 'antd';
import { Outlet } from 'react-router-dom';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

/** The frame of every page behind the login: header, side menu, the page. */
export function MainLayout() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout style={{ minHeight: '100%' }}>
      <HeaderBar />
      <Layout>
        <Layout.Sider
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          // On a narrow screen (a phone, < 768 px) the menu folds to its icons, leaving the page the width.
          breakpoint="md"
          onBreakpoint={setCollapsed}
          theme="light"
          // The menu scrolls on its own under the header, so the collapse trigger
          // (fixed at the bottom) never covers a menu entry.
          style={{ borderRight: '1px solid #e5e8ee', position: 'sticky', top: 0, alignSelf: 'flex-start', height: '100vh' }}
        >
          <div style={{ height: '100%', overflowY: 'auto', paddingBottom: 56 }}>
            <SideMenu />
          </div>
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
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
    </Layout>
  );
}
