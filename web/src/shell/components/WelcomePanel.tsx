import { Card, Flex, Tag, Typography } from 'antd';
import { useMe } from '../../api/session';
import { todayShanghai } from '../../lib/format';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The greeting: name, org, roles, today. */
export function WelcomePanel() {
  const me = useMe();
  const today = todayShanghai();
  const weekday = WEEKDAYS[new Date(`${today}T00:00:00Z`).getUTCDay()];
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            您好，{me.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.tenant?.name} · {me.org?.name}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            {me.roles.map((r) => (
              <Tag key={r.key} color="blue">
                {r.label}
              </Tag>
            ))}
            {me.scope.all ? null : <Tag color="gold">仅限本单位数据</Tag>}
          </div>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          今天是 {today} 星期{weekday}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
