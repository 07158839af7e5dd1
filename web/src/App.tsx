import { ConfigProvider } from 'antd';
// The ES module build of the locale (antd/locale/zh_CN is CommonJS, which brings the CommonJS date-picker locale along).
import zhCN from 'antd/es/locale/zh_CN';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { SessionProvider } from './api/session';
import { AppRoutes } from './shell/AppRoutes';
import { theme } from './theme';

// A data router (not <BrowserRouter>): the leave guard's useBlocker needs one. Its one splat route renders
// the app's own <Routes>.
const router = createBrowserRouter([{ path: '*', element: <AppRoutes /> }]);

/** The app: Chinese locale and the bureau's theme, the session, the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ConfigProvider>
  );
}
