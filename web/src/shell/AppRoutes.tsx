import { Suspense } from 'react';
import { Flex, Spin } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { lazyNamed } from '../lib/lazyNamed';

// The sign-in page loads alone: the feature registry, the layout, the menu and every page come
// with AppPages, after signing in (or for a public page) — the bundle budget test holds it to that.
const LoginPage = lazyNamed(() => import('./pages/LoginPage'), 'LoginPage');
const AppPages = lazyNamed(() => import('./AppPages'), 'AppPages');
// The field app (外勤, on a phone) has a light frame of its own: neither the desktop layout nor the registry.
const FieldApp = lazyNamed(() => import('../features/field/FieldApp'), 'FieldApp');

const loading = (
  <Flex align="center" justify="center" style={{ height: '100%' }}>
    <Spin size="large" description="正在加载…" />
  </Flex>
);

/** The router: the sign-in page, and everything else (AppPages) loaded on demand. */
export function AppRoutes() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/field/*" element={<FieldApp />} />
        <Route path="*" element={<AppPages />} />
      </Routes>
    </Suspense>
  );
}
