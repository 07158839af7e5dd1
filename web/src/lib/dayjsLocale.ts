import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

// Dates in Chinese (星期一, 1月) wherever dayjs formats them. Loaded with the app's pages and the field
// app (shell/AppRoutes.tsx), not with the sign-in page, which formats no date (bundle budget test).
dayjs.locale('zh-cn');

/** The locale set. */
export const DAYJS_LOCALE = 'zh-cn';
