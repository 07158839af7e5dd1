import { createContext, isValidElement, type ReactNode, useContext, useEffect } from 'react';
import { Flex, Typography } from 'antd';
import { useLocation } from 'react-router-dom';

interface Props {
  title: ReactNode;
  /** One line under the title saying what the page is for. */
  description?: ReactNode;
  /** Buttons on the right. */
  extra?: ReactNode;
  /** The breadcrumb's last step on a record page; default: the title's first text (e.g. the case number before its tags). */
  crumb?: string;
}

/** What a page tells the layout's breadcrumbs: its own name, on the path it was rendered on. */
export interface PageCrumb {
  path: string;
  text: string;
}

/**
 * Set by the desktop layout (MainLayout): a page's title passes its crumb up (`page`), and a record shown in
 * a drawer over a list names itself (`record`, through `useRecordCrumb`). Absent elsewhere (the field app,
 * public pages).
 */
export const PageCrumbContext = createContext<{ page(c: PageCrumb | null): void; record(c: PageCrumb | null): void } | null>(null);

/** A record shown over a list (a drawer on `/<list>/:id`) names itself in the breadcrumbs while it is open. */
export function useRecordCrumb(text: string | null | undefined) {
  const crumbs = useContext(PageCrumbContext);
  const { pathname } = useLocation();
  useEffect(() => {
    if (!crumbs || !text) return;
    crumbs.record({ path: pathname, text });
    return () => crumbs.record(null);
  }, [crumbs, pathname, text]);
}

/** The first text in a title: a string, or the first text among an element's children (`<Space>{caseNo}<Tag/></Space>` → caseNo). */
export function firstText(node: ReactNode): string | null {
  if (typeof node === 'string') return node.trim() || null;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) {
    for (const n of node) {
      const t = firstText(n);
      if (t) return t;
    }
    return null;
  }
  if (isValidElement<{ children?: ReactNode }>(node)) return firstText(node.props.children);
  return null;
}

/** The heading of a page: title, optional description, actions on the right; it names the page in the breadcrumbs. */
export function PageTitle({ title, description, extra, crumb }: Props) {
  const crumbs = useContext(PageCrumbContext);
  const { pathname } = useLocation();
  const text = crumb ?? firstText(title);
  useEffect(() => {
    if (!crumbs || !text) return;
    crumbs.page({ path: pathname, text });
    return () => crumbs.page(null);
  }, [crumbs, pathname, text]);
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
