import { useState } from 'react';
import { Badge, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/session';
import type { TrackedDeadline } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DeadlineStatusTag } from '../../components/DeadlineStatusTag';
import { entityLink } from '../../features/registry';
import { useDeadlines } from '../hooks/useDeadlines';
import { DeadlineDrawer } from './DeadlineDrawer';

/** 我的期限 — open deadlines in the user's scope, with the server's status (期限内 / 即将到期 / 已逾期). */
export function DeadlinesPanel() {
  const me = useMe();
  const { data, error, loading, reload } = useDeadlines();
  const [open, setOpen] = useState<string | null>(null);
  const moduleTitle = new Map(me.modules.map((m) => [m.key, m.title]));
  const count = (s: TrackedDeadline['status']) => (data ?? []).filter((d) => d.status === s).length;

  return (
    <Card
      title="待办期限"
      extra={
        <Flex gap={16}>
          <Badge color="red" text={`已逾期 ${count('overdue')}`} />
          <Badge color="orange" text={`即将到期 ${count('due_soon')}`} />
          <Badge color="blue" text={`期限内 ${count('ok')}`} />
        </Flex>
      }
    >
      <ErrorAlert error={error} onRetry={reload} />
      <Table<TrackedDeadline>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无未完成的期限" /> }}
        columns={[
          { title: '状态', dataIndex: 'status', width: 96, render: (s: TrackedDeadline['status']) => <DeadlineStatusTag status={s} /> },
          {
            title: '事项',
            dataIndex: 'title',
            render: (t: string, d) => {
              const link = entityLink(d.entity, d.entityId);
              return link ? <Link to={link}>{t}</Link> : t;
            },
          },
          { title: '业务', dataIndex: 'module', width: 110, render: (m: string) => moduleTitle.get(m) ?? m },
          { title: '届满日', dataIndex: 'due', width: 110, render: (due: string) => <Typography.Text strong>{due}</Typography.Text> },
          {
            title: '',
            key: 'explain',
            width: 64,
            render: (_, d) => (
              <Button type="link" size="small" onClick={() => setOpen(d.id)}>
                说明
              </Button>
            ),
          },
        ]}
      />
      <DeadlineDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
