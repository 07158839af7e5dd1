import { Empty, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TrackedDeadline } from '../../../api/types';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import { entityLink } from '../../registry';

interface Props {
  rows: TrackedDeadline[];
  loading?: boolean;
  /** Module titles by key. */
  modules: ReadonlyMap<string, string>;
  /** Org names by id. */
  orgs: ReadonlyMap<string, string>;
  pageSize?: number;
  /** Narrow panels: module and org under the title instead of columns of their own. */
  compact?: boolean;
}

/** Open deadlines with the server's status; a record's title opens its page where the module has one. */
export function DeadlineTable({ rows, loading, modules, orgs, pageSize = 10, compact }: Props) {
  const title = (t: string, d: TrackedDeadline) => {
    const link = entityLink(d.entity, d.entityId);
    return link ? <Link to={link}>{t}</Link> : t;
  };
  return (
    <Table<TrackedDeadline>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 件`, size: 'small' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的期限" /> }}
      data-testid="deadline-list"
      columns={[
        { title: '状态', dataIndex: 'status', width: 84, render: (s: TrackedDeadline['status']) => <DeadlineStatusTag status={s} /> },
        compact
          ? {
              title: '事项',
              dataIndex: 'title',
              render: (t: string, d) => (
                <>
                  {title(t, d)}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[modules.get(d.module) ?? d.module, orgs.get(d.orgId)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </>
              ),
            }
          : { title: '事项', dataIndex: 'title', render: title },
        ...(compact
          ? []
          : [
              { title: '业务', dataIndex: 'module', width: 110, render: (m: string) => modules.get(m) ?? m },
              { title: '单位', dataIndex: 'orgId', width: 130, render: (o: string) => orgs.get(o) ?? '' },
            ]),
        { title: '届满日', dataIndex: 'due', width: 100, render: (due: string) => <Typography.Text strong>{due}</Typography.Text> },
      ]}
    />
  );
}
