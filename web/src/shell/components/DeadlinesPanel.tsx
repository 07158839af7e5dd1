import { useState } from 'react';
import { Badge, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/session';
import type { TrackedDeadline } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DeadlineStatusTag } from '../../components/DeadlineStatusTag';
import { entityLink } from '../../features/registry';
import { useMyDeadlines } from '../hooks/useDeadlines';
import { DeadlineDrawer } from './DeadlineDrawer';

/**
 * 我的待办 — the open deadlines assigned to me, then the rest of my unit's, soonest first; each
 * names its record (案号、工单编号 …) and says the server's status (期限内 / 即将到期 / 已逾期).
 */
export function DeadlinesPanel() {
  const me = useMe();
  const { data, error, loading, reload } = useMyDeadlines();
  const [open, setOpen] = useState<string | null>(null);
  const moduleTitle = new Map(me.modules.map((m) => [m.key, m.title]));

  return (
    <Card title="我的待办">
      {/* The counts under the title, not beside it: on a phone the card's head has no room for both. */}
      <Flex gap={16} wrap style={{ marginBottom: 12 }}>
        <Badge color="red" text={`已逾期 ${data?.overdue ?? 0}`} />
        <Badge color="orange" text={`3个工作日内到期 ${data?.dueSoon ?? 0}`} />
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<TrackedDeadline>
        size="small"
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本人和本单位暂无未完成的期限" /> }}
        columns={[
          { title: '状态', dataIndex: 'status', width: 96, render: (s: TrackedDeadline['status']) => <DeadlineStatusTag status={s} /> },
          {
            title: '事项',
            dataIndex: 'title',
            render: (t: string, d) => {
              const link = entityLink(d.entity, d.entityId);
              const name = d.label ? `${d.label} · ${t}` : t;
              return (
                <Flex gap={6} align="center" wrap>
                  {d.mine ? <Tag color="blue">本人承办</Tag> : null}
                  {link ? <Link to={link}>{name}</Link> : name}
                </Flex>
              );
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
