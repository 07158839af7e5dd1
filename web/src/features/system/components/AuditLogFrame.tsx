import type { ReactNode } from 'react';
import { Button, Card, Flex, Table, type TableProps, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEvent } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { ListQuery } from '../../../components/useListQuery';
import { type AuditSearch, useAuditEvents } from '../hooks/useAuditEvents';
import { AUDIT_EXPORT_CAP, AuditExportButton } from './AuditExportButton';
import { AuditSearchForm } from './AuditSearchForm';

interface Props {
  title: string;
  description: string;
  /** The URL's list query, which the search form edits. */
  query: ListQuery;
  /** The search sent (the page may fix some of it, e.g. the sign-in verbs). */
  search: AuditSearch;
  /** The search form's full set of fields (false: person and time only). */
  full?: boolean;
  /** What stands between the title and the search (the chain check). */
  above?: ReactNode;
  /** The events' table as the page shows them: its columns, row expansion, width and test id. */
  table: Pick<TableProps<AuditEvent>, 'columns' | 'expandable'> & { scrollX: number; testId: string };
}

/**
 * A page of the audit log (审计日志, 登录日志): the title with 导出 and 刷新, the search, the events newest
 * first in the page's own columns, and 加载更早的记录 — one log, read and exported as searched.
 */
export function AuditLogFrame({ title, description, query, search, full, above, table }: Props) {
  const log = useAuditEvents(search);
  return (
    <>
      <PageTitle
        title={title}
        description={description}
        extra={
          <>
            <AuditExportButton search={search} disabled={!log.events.length} />
            <Button icon={<ReloadOutlined />} onClick={log.reload}>
              刷新
            </Button>
          </>
        }
      />
      {above}
      <AuditSearchForm query={query} full={full} />
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          loading={log.loading}
          dataSource={log.events}
          pagination={false}
          scroll={{ x: table.scrollX }}
          data-testid={table.testId}
          expandable={table.expandable}
          columns={table.columns}
        />
        <Flex justify="center" align="center" gap={12} wrap style={{ padding: 12 }}>
          <Typography.Text type="secondary">导出按当前查询条件，单次至多 {AUDIT_EXPORT_CAP.toLocaleString('zh-CN')} 条</Typography.Text>
          {log.done ? (
            <Typography.Text type="secondary">已显示全部 {log.events.length} 条</Typography.Text>
          ) : (
            <Button onClick={log.loadMore} loading={log.loading}>
              加载更早的记录
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}
