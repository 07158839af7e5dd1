import { Fragment, type ReactNode, useMemo } from 'react';
import { theme } from 'antd';
import { Link, matchPath, useLocation } from 'react-router-dom';
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
 * the name its PageTitle gives (the case number …); on a list whose records open in a drawer (a route
 * ending in an optional `:id?`), the page's title is the list's, so the step is the drawer's record
 * (useRecordCrumb) or none. The area is left out where it has one entry (the
 * side menu shows that entry alone) and on a phone, where each step is also cut shorter. A plain list
 * of links (not Ant Design's Breadcrumb, which brings its dropdown along): the frame is on every page.
 */
export function Breadcrumbs({ page, record, narrow }: { page: PageCrumb | null; record: PageCrumb | null; narrow: boolean }) {
  const can = useCan();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const visible = useMemo(() => visibleFeatures(can), [can]);
  if (pathname === '/') return null;
  const entry = currentMenuEntry(visible, pathname);
  const max = narrow ? 120 : 320;
  const overList = visible.some((f) => f.routes.some((r) => r.path.endsWith('?') && matchPath(r.path, pathname)));
  const own = record?.path === pathname ? record.text : !overList && page?.path === pathname ? page.text : null;
  const link = (to: string, text: string) => (
    <Link to={to} style={{ color: token.colorTextDescription }}>
      <Step text={text} max={max} />
    </Link>
  );
  const steps: Array<{ key: string; node: ReactNode }> = [{ key: 'home', node: link('/', '首页') }];
  if (entry) {
    if (!narrow && entry.feature.visibleMenu.length > 1) steps.push({ key: 'area', node: <Step text={entry.feature.title} max={max} /> });
    const onEntry = pathname === entry.path;
    steps.push({ key: 'entry', node: onEntry ? <Step text={entry.label} max={max} /> : link(entry.path, entry.label) });
    // A page under its entry that names itself as the entry does (a register's tab, `/inspections/registers/:tab`) adds no step.
    if (!onEntry && own && own !== entry.label) steps.push({ key: 'record', node: <Step text={own} max={max} /> });
  } else if (own) steps.push({ key: 'record', node: <Step text={own} max={max} /> });
  const last = steps.length - 1;
  return (
    <nav aria-label="当前位置" data-testid="breadcrumbs" style={{ marginBottom: 12, minWidth: 0, fontSize: token.fontSize, lineHeight: token.lineHeight }}>
      <ol style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', margin: 0, padding: 0, listStyle: 'none' }}>
        {steps.map((s, i) => (
          <Fragment key={s.key}>
            <li style={{ color: i === last ? token.colorText : token.colorTextDescription, minWidth: 0 }} aria-current={i === last ? 'page' : undefined}>
              {s.node}
            </li>
            {i < last ? (
              <li aria-hidden="true" style={{ margin: '0 8px', color: token.colorTextDescription }}>
                /
              </li>
            ) : null}
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
