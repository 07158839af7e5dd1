import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { useCan } from '../../api/session';
import { currentMenuEntry, visibleFeatures } from '../../features/registry';

export const APP_TITLE = '法治水务';

/**
 * The browser tab's title names the page: its menu entry (and the area, where the area has several
 * entries), e.g. “12345工单 - 诉求办理 · 法治水务”, so a clerk with several tabs open can tell them apart.
 */
export function DocumentTitle() {
  const can = useCan();
  const { pathname } = useLocation();
  const visible = useMemo(() => visibleFeatures(can), [can]);
  useEffect(() => {
    const entry = currentMenuEntry(visible, pathname);
    const page = pathname === '/' ? '首页' : entry ? (entry.feature.visibleMenu.length > 1 ? `${entry.label} - ${entry.feature.title}` : entry.label) : null;
    document.title = page ? `${page} · ${APP_TITLE}` : APP_TITLE;
  }, [visible, pathname]);
  return null;
}
