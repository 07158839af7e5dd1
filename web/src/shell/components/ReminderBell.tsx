import { useEffect } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { DeadlineStatusTag } from '../../components/DeadlineStatusTag';
import { entityLink } from '../../features/registry';
import { useMyDeadlines } from '../hooks/useDeadlines';

/**
 * 提醒 — the bell in the header: how many of my (and my unit's) deadlines are overdue or fall due
 * within 3 working days, and those records, each a link; read again on every page change.
 */
export function ReminderBell() {
  const { data, reload } = useMyDeadlines();
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on navigation only
  useEffect(() => {
    reload();
  }, [location.pathname]);
  const count = (data?.overdue ?? 0) + (data?.dueSoon ?? 0);
  const urgent = (data?.items ?? []).filter((d) => d.status === 'overdue' || d.status === 'due_soon').slice(0, 8);
  const content = (
    <div style={{ width: 360, maxWidth: '80vw' }} data-testid="reminders">
      <Typography.Text type="secondary">
        已逾期 {data?.overdue ?? 0} 件，3个工作日内到期 {data?.dueSoon ?? 0} 件
      </Typography.Text>
      <List
        size="small"
        dataSource={urgent}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有逾期或即将到期的事项" /> }}
        renderItem={(d) => {
          const link = entityLink(d.entity, d.entityId);
          const name = d.label ? `${d.label} · ${d.title}` : d.title;
          return (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                {link ? <Link to={link}>{name}</Link> : name}
                <Flex gap={8} align="center">
                  <DeadlineStatusTag status={d.status} />
                  <Typography.Text type="secondary">届满日 {d.due}</Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Link to="/">查看我的待办</Link>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="期限提醒" content={content}>
      <Badge count={count} size="small" overflowCount={99}>
        <Button type="text" aria-label={`期限提醒：${count}件`} icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} data-testid="reminder-bell" />
      </Badge>
    </Popover>
  );
}
