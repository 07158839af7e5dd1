import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from './api/session';
import { AppRoutes } from './shell/AppRoutes';
import { theme } from './theme';

dayjs.locale('zh-cn');

/** The app: Chinese locale and the bureau's theme, the session, the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </ConfigProvider>
  );
}
