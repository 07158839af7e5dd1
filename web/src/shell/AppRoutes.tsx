import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { lazyNamed } from '../lib/lazyNamed';

// The sign-in page loads alone: the feature registry, the layout, the menu and every page come
// with AppPages, after signing in (or for a public page) — the bundle budget test holds it to that.
const LoginPage = lazyNamed(() => import('./pages/LoginPage'), 'LoginPage');
/** A page bundle loaded together with dayjs's Chinese locale (lib/dayjsLocale.ts), which the sign-in page does not need. */
const withDateLocale =
  <M,>(load: () => Promise<M>) =>
  () =>
    Promise.all([load(), import('../lib/dayjsLocale')]).then(([m]) => m);
const AppPages = lazyNamed(
  withDateLocale(() => import('./AppPages')),
  'AppPages',
);
// The field app (外勤, on a phone) has a light frame of its own: neither the desktop layout nor the registry.
const FieldApp = lazyNamed(
  withDateLocale(() => import('../features/field/FieldApp')),
  'FieldApp',
);

// A plain spinner (an SVG turning by itself), not Ant Design's Spin: the sign-in page's first load
// carries this fallback, and Spin brings its styles and a debounce library (bundle budget test).
const loading = (
  <div
    role="status"
    style={{ height: '100%', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 8, color: '#1f4e8c' }}
  >
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
      <path d="M16 3a13 13 0 0 1 13 13" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round">
        <animateTransform attributeName="transform" type="rotate" from="0 16 16" to="360 16 16" dur="0.9s" repeatCount="indefinite" />
      </path>
    </svg>
    <span style={{ fontSize: 14 }}>正在加载…</span>
  </div>
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
