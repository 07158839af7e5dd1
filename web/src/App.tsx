import { ConfigProvider } from 'antd';
// The ES module build of the locale (antd/locale/zh_CN is CommonJS, which brings the CommonJS date-picker locale along).
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './api/session';
// The leave guard's hold on the back button listens before the router does: installed before it mounts.
import './lib/popGuard';
import { AppRoutes } from './shell/AppRoutes';
import { theme } from './theme';

/** The app: Chinese locale and the bureau's theme, the session, the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <SessionProvider>
        {/* Not a data router: it would add ~16 KB to every page; the leave guard works on the navigator. */}
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}
