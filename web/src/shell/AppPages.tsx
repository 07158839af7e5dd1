import { App as AntApp } from 'antd';
import { Route, Routes } from 'react-router-dom';
import { features } from '../features/registry';
import { lazyNamed } from '../lib/lazyNamed';
import { EditedFormsGuard } from '../components/LeaveGuard';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
// Static: RequirePermission shows it in place, so it ships with the layout anyway.
import { ForbiddenPage } from './pages/ForbiddenPage';

const MainLayout = lazyNamed(() => import('./components/MainLayout'), 'MainLayout');
const ForcedPasswordPage = lazyNamed(() => import('./pages/ForcedPasswordPage'), 'ForcedPasswordPage');
const HomePage = lazyNamed(() => import('./pages/HomePage'), 'HomePage');
const NotFoundPage = lazyNamed(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const ProfilePage = lazyNamed(() => import('./pages/ProfilePage'), 'ProfilePage');

/**
 * Every route but the sign-in page: public pages, forced password change, and the layout with every
 * feature's pages — inside Ant Design's App, whose message, notification and modal hooks the pages
 * use (the sign-in page shows its errors inline and does without them).
 */
export function AppPages() {
  return (
    <AntApp style={{ height: '100%' }}>
      <EditedFormsGuard />
      <Routes>
        {features.flatMap((f) => (f.publicRoutes ?? []).map((r) => <Route key={`public:${f.key}:${r.path}`} path={r.path} element={r.element} />))}
        <Route
          path="/change-password"
          element={
            <RequireAuth passwordChangePage>
              <ForcedPasswordPage />
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <MainLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          {features.flatMap((f) =>
            f.routes.map((r) => (
              <Route key={`${f.key}:${r.path}`} path={r.path} element={<RequirePermission permission={r.permission}>{r.element}</RequirePermission>} />
            )),
          )}
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/403" element={<ForbiddenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AntApp>
  );
}
