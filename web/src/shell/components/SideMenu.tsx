import { useEffect, useMemo, useState } from 'react';
import { Menu, type MenuProps } from 'antd';
import { HomeOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCan, useMe } from '../../api/session';
import { currentMenuEntry, visibleFeatures } from '../../features/registry';

type Item = Required<MenuProps>['items'][number];

/** Where a user's open menu groups are kept (this browser, per user). */
export const menuStorageKey = (userId: string) => `fazhi.menu.${userId}.open`;

function readOpen(userId: string): string[] | null {
  try {
    const s = localStorage.getItem(menuStorageKey(userId));
    const v: unknown = s ? JSON.parse(s) : null;
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}

function writeOpen(userId: string, keys: string[]) {
  try {
    localStorage.setItem(menuStorageKey(userId), JSON.stringify(keys));
  } catch {
    /* not remembered */
  }
}

/**
 * The side menu built from the registered features, showing only entries the user may open. The
 * groups a user opens and closes are remembered per user (this browser's storage); on the first
 * visit only the current page's group is open (a leader sees 40-odd entries in 11 groups), and
 * reaching a page opens its group.
 */
export function SideMenu() {
  const can = useCan();
  const { userId } = useMe();
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

  const current = currentMenuEntry(visible, pathname);
  const selected = current?.path ?? (pathname === '/' ? '/' : '');
  const currentGroup = current && current.feature.visibleMenu.length > 1 ? `feature:${current.feature.key}` : null;
  const [openKeys, setOpenKeys] = useState<string[]>(() => readOpen(userId) ?? (currentGroup ? [currentGroup] : []));
  // Reaching a page (a link, the address bar) opens its group, and that is remembered too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new page's group opens; a group closed on this page stays closed
  useEffect(() => {
    if (!currentGroup) return;
    setOpenKeys((keys) => {
      if (keys.includes(currentGroup)) return keys;
      const next = [...keys, currentGroup];
      writeOpen(userId, next);
      return next;
    });
  }, [currentGroup]);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      openKeys={openKeys}
      onOpenChange={(keys) => {
        setOpenKeys(keys);
        writeOpen(userId, keys);
      }}
      onClick={(e) => navigate(e.key)}
      style={{ borderInlineEnd: 'none', paddingTop: 8 }}
      data-testid="side-menu"
    />
  );
}
