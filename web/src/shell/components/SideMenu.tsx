import { useMemo } from 'react';
import { Menu, type MenuProps } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCan } from '../../api/session';
import { currentMenuEntry, visibleFeatures } from '../../features/registry';

type Item = Required<MenuProps>['items'][number];

/** The side menu built from the registered features, showing only entries the user may open. */
export function SideMenu() {
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = useMemo(() => visibleFeatures(can), [can]);

  const items = useMemo<Item[]>(
    () => [
      { key: '/', icon: <HomeOutlined />, label: '首页' },
      ...visible.map<Item>((f) =>
        f.visibleMenu.length === 1
          ? { key: f.visibleMenu[0]!.path, icon: f.icon, label: f.visibleMenu[0]!.label }
          : { key: `feature:${f.key}`, icon: f.icon, label: f.title, children: f.visibleMenu.map((m) => ({ key: m.path, label: m.label })) },
      ),
    ],
    [visible],
  );

  const selected = currentMenuEntry(visible, pathname)?.path ?? (pathname === '/' ? '/' : '');

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={visible.filter((f) => f.visibleMenu.length > 1).map((f) => `feature:${f.key}`)}
      onClick={(e) => navigate(e.key)}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
    />
  );
}
