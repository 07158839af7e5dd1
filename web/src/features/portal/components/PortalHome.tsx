import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PortalLayout } from './PortalLayout';

/** The portal's entries: the public pages, then the online services. */
export const PORTAL_LINKS: ReadonlyArray<{ group: string; items: ReadonlyArray<{ to: string; title: string; desc: string }> }> = [
  {
    group: '网上办事',
    items: [
      { to: '/public/disclosure/apply', title: '网上申请政府信息公开', desc: '依《政府信息公开条例》提出申请，20个工作日内答复' },
      { to: '/public/petitions/apply', title: '网上信访', desc: '反映情况、提出建议意见或投诉请求，15日内告知是否受理' },
      { to: '/public/status', title: '查询办理进度', desc: '凭受理编号和查询码查看办理状态、期限和答复' },
    ],
  },
  {
    group: '信息公开',
    items: [
      { to: '/public/decisions', title: '执法决定公示', desc: '已公示的行政处罚、行政许可决定' },
      { to: '/public/enforcement', title: '行政执法事前公开', desc: '执法主体、人员、职责、依据、程序和监督方式' },
      { to: '/public/flood/responsible-persons', title: '防汛责任人', desc: '防汛行政责任人和技术责任人名单' },
      { to: '/public/legal/normative-documents', title: '规范性文件', desc: '本局制定的行政规范性文件及其效力状态' },
      { to: '/public/major-decisions', title: '重大行政决策事项目录', desc: '年度重大行政决策事项及其公众参与、决定情况' },
    ],
  },
];

/** 网上服务首页 (/public) — every public page and the online services; usable on a phone. */
export function PortalHome() {
  return (
    <PortalLayout title="网上服务" home>
      {PORTAL_LINKS.map((g) => (
        <Card key={g.group} title={g.group} size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: '0 16px' } }}>
          <List
            dataSource={[...g.items]}
            renderItem={(it) => (
              <List.Item key={it.to}>
                <Link to={it.to} style={{ display: 'block', width: '100%' }} data-testid={`portal-link-${it.to}`}>
                  <div style={{ fontSize: 16, fontWeight: 500 }}>{it.title}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {it.desc}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
        </Card>
      ))}
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 13 }}>
        <Link to="/login">工作人员登录</Link>
      </Typography.Paragraph>
    </PortalLayout>
  );
}
