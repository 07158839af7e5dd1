import { Tag, Tooltip } from 'antd';
import { useListQuery } from '../../../components/useListQuery';
import { entityActionLabel } from '../../../features/registry';
import { actionColor } from '../../../lib/auditLabels';
import { formatInstant } from '../../../lib/format';
import { browserOf, SIGN_IN_ACTIONS } from '../labels';
import { AuditLogFrame } from './AuditLogFrame';
import { searchOf } from './AuditSearchForm';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * 登录日志 — the bureau's sign-ins, failures, lockouts and sign-outs, newest first, by person and time:
 * the audit log's user events of those verbs (one log, not a second), with where each came from.
 */
export function LoginLogPage() {
  const query = useListQuery();
  return (
    <AuditLogFrame
      title="登录日志"
      description="本局人员的登录、登录失败、账号锁定和退出记录，取自审计日志。"
      query={query}
      search={{ ...searchOf(query), entity: 'user', action: SIGN_IN_ACTIONS.join(','), entityId: undefined }}
      full={false}
      table={{
        scrollX: 820,
        testId: 'login-log-table',
        columns: [
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
        ],
      }}
    />
  );
}
