import { Route, Routes } from 'react-router-dom';
import { features } from '../features/registry';
import { RequireAuth } from './components/RequireAuth';
import { RequirePermission } from './components/RequirePermission';
import { MainLayout } from './components/MainLayout';
import { LoginPage } from './pages/LoginPage';
import { ForcedPasswordPage } from './pages/ForcedPasswordPage';
import { HomePage } from './pages/HomePage';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { NotFoundPage } from './pages/NotFoundPage';

/** The router: login, public pages and forced password change outside the layout; every feature's pages inside it. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="/403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
