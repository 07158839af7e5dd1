import type { ReactNode } from 'react';
import { Flex, theme } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { BRAND_BLUE } from '../../theme';

/**
 * The centred card of the login and forced password pages, on the bureau's blue. A plain panel
 * in the theme's colours and plain headings rather than Ant Design's Card and Typography, which
 * bring tabs, skeletons, tooltips and an inline editor with them: the sign-in page is the first
 * thing every user loads (see the bundle budget test).
 */
export function AuthCard({ subtitle, children }: { subtitle: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100%', padding: 24, background: `linear-gradient(160deg, ${BRAND_BLUE} 0%, #2d6bb5 55%, #e9eef5 55%)` }}
    >
      <div
        style={{
          width: 400,
          maxWidth: '100%',
          padding: '32px 32px 24px',
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: '0 8px 28px rgba(15, 42, 74, 0.18)',
        }}
      >
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: BRAND_BLUE }} />
          <h3 style={{ margin: '8px 0 0', fontSize: token.fontSizeHeading3, fontWeight: 600, lineHeight: 1.35, color: token.colorTextHeading }}>法治水务</h3>
          <span style={{ color: token.colorTextSecondary }}>{subtitle}</span>
        </Flex>
        {children}
      </div>
    </Flex>
  );
}
