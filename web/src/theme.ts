import type { ThemeConfig } from 'antd';

/** 政务蓝 — a calm deep blue on light grey, square-ish corners, no flashy motion. */
export const BRAND_BLUE = '#1f4e8c';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorBgLayout: '#f3f5f8',
    // The generated tints of a deep blue come out greyish; use a clear light blue for selections.
    colorPrimaryBg: '#e8eef7',
    colorPrimaryBgHover: '#d7e3f3',
    colorInfoBg: '#eef3fa',
    colorInfoBorder: '#c6d6ec',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: BRAND_BLUE, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e8eef7', itemSelectedColor: BRAND_BLUE },
    Table: { headerBg: '#f5f7fa' },
  },
};
