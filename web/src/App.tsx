import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { SessionProvider } from './api/session';
import { AppRoutes } from './shell/AppRoutes';
import { theme } from './theme';

dayjs.locale('zh-cn');

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
