import { useEffect, useState, type ReactNode } from 'react';
import { Layout, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { publicApi, type FormInfo } from '../api';

const formCache = new Map<string, Promise<FormInfo | null>>();
/**
 * A kind's form: the bureau's name, the choice fields' values and the attachment limits (asked
 * once per page load and kind). `undefined` while it loads, `null` when it could not be read.
 */
export function useFormInfo(module = 'disclosure'): FormInfo | null | undefined {
  const [info, setInfo] = useState<FormInfo | null | undefined>(undefined);
  useEffect(() => {
    let p = formCache.get(module);
    if (!p) {
      p = publicApi<FormInfo>('GET', `/api/public/${module}/form`).catch(() => null);
      formCache.set(module, p);
    }
    let live = true;
    void p.then((i) => live && setInfo(i));
    return () => {
      live = false;
    };
  }, [module]);
  return info;
}

/** The portal's frame (`module`: the form whose endpoint names the bureau, read once): the bureau's name, the page title, a way back to the portal's home; one column on a phone. */
export function PortalLayout({ title, children, home, module }: { title: string; children: ReactNode; home?: boolean; module?: string }) {
  const info = useFormInfo(module);
  return (
    <Layout style={{ minHeight: '100%', background: '#f5f7fa' }}>
      <Layout.Header
        style={{ background: '#1f4e8c', color: '#fff', height: 'auto', lineHeight: 1.4, padding: '12px 16px', display: 'flex', alignItems: 'center', gap: 12 }}
      >
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 18, fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="portal-bureau">
            {info?.bureau ?? '区水务局'}
          </div>
          <div style={{ fontSize: 13, opacity: 0.85 }}>{title}</div>
        </div>
        {home ? null : (
          <Link to="/public" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            返回首页
          </Link>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 12px 32px', maxWidth: 880, margin: '0 auto', width: '100%' }}>{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, color: '#888', padding: '12px 16px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {info?.bureau ?? '区水务局'} · 网上服务
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
