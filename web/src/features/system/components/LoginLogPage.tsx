import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEvent } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { useListQuery } from '../../../components/useListQuery';
import { entityActionLabel } from '../../../features/registry';
import { actionColor } from '../../../lib/auditLabels';
import { formatInstant } from '../../../lib/format';
import { useAuditEvents } from '../hooks/useAuditEvents';
import { browserOf, SIGN_IN_ACTIONS } from '../labels';
import { AUDIT_EXPORT_CAP, AuditExportButton } from './AuditExportButton';
import { AuditSearchForm, searchOf } from './AuditSearchForm';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * 登录日志 — the bureau's sign-ins, failures, lockouts and sign-outs, newest first, by person and time:
 * the audit log's user events of those verbs (one log, not a second), with where each came from.
 */
export function LoginLogPage() {
  const query = useListQuery();
  const search = { ...searchOf(query), entity: 'user', action: SIGN_IN_ACTIONS.join(','), entityId: undefined };
  const log = useAuditEvents(search);

  return (
    <>
      <PageTitle
        title="登录日志"
        description="本局人员的登录、登录失败、账号锁定和退出记录，取自审计日志。"
        extra={
          <>
            <AuditExportButton search={search} disabled={!log.events.length} />
            <Button icon={<ReloadOutlined />} onClick={log.reload}>
              刷新
            </Button>
          </>
        }
      />
      <AuditSearchForm query={query} full={false} />
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          loading={log.loading}
          dataSource={log.events}
          pagination={false}
          scroll={{ x: 820 }}
          data-testid="login-log-table"
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at) },
            { title: '人员', dataIndex: 'actorName', width: 120 },
            {
              title: '事件',
              dataIndex: 'action',
              width: 120,
              render: (a: string, e) => <Tag color={actionColor(a)}>{entityActionLabel(e.entity, a)}</Tag>,
            },
            { title: '登录地址', key: 'ip', width: 150, render: (_, e) => text(e.changes.note?.ip) ?? '—' },
            {
              title: '浏览器',
              key: 'ua',
              render: (_, e) => {
                const ua = text(e.changes.note?.userAgent);
                return ua ? <Tooltip title={ua}>{browserOf(ua)}</Tooltip> : '—';
              },
            },
            {
              title: '说明',
              key: 'note',
              width: 160,
              render: (_, e) => {
                const n = e.changes.note ?? {};
                if (typeof n.failures === 'number') return `连续失败 ${n.failures} 次`;
                if (typeof n.sessions === 'number') return `注销 ${n.sessions} 个会话`;
                return '';
              },
            },
          ]}
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
