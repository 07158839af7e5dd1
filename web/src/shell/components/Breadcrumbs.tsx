import { useMemo } from 'react';
import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useCan } from '../../api/session';
import type { PageCrumb } from '../../components/PageTitle';
import { currentMenuEntry, visibleFeatures } from '../../features/registry';

/** One step, cut with an ellipsis when long (a narrow screen, a long record name); the whole text on hover. */
function Step({ text, max }: { text: string; max: number }) {
  return (
    <span
      title={text}
      style={{ display: 'inline-block', maxWidth: max, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'bottom' }}
    >
      {text}
    </span>
  );
}

/**
 * 首页 / <area> / <menu entry> / <record>, from the feature registry's menu (the entry whose path is the
 * longest prefix of the page's, as the side menu and the tab title find it). A record page's step is
 * the name its PageTitle gives (the case number …). The area is left out where it has one entry (the
 * side menu shows that entry alone) and on a phone, where each step is also cut shorter.
 */
export function Breadcrumbs({ page, narrow }: { page: PageCrumb | null; narrow: boolean }) {
  const can = useCan();
  const { pathname } = useLocation();
  const visible = useMemo(() => visibleFeatures(can), [can]);
  if (pathname === '/') return null;
  const entry = currentMenuEntry(visible, pathname);
  const max = narrow ? 120 : 320;
  const own = page && page.path === pathname ? page.text : null;
  const items: Array<{ key: string; title: React.ReactNode }> = [{ key: 'home', title: <Link to="/">首页</Link> }];
  if (entry) {
    if (!narrow && entry.feature.visibleMenu.length > 1) items.push({ key: 'area', title: <Step text={entry.feature.title} max={max} /> });
    const onEntry = pathname === entry.path;
    items.push({
      key: 'entry',
      title: onEntry ? (
        <Step text={entry.label} max={max} />
      ) : (
        <Link to={entry.path}>
          <Step text={entry.label} max={max} />
        </Link>
      ),
    });
    if (!onEntry && own) items.push({ key: 'record', title: <Step text={own} max={max} /> });
  } else if (own) items.push({ key: 'record', title: <Step text={own} max={max} /> });
  return <Breadcrumb items={items} style={{ marginBottom: 12, minWidth: 0 }} data-testid="breadcrumbs" />;
}
