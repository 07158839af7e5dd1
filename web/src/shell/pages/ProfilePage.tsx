import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { api, ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { entityActionLabel } from '../../features/registry';
import { browserOf } from '../../features/system/labels';
import { actionColor } from '../../lib/auditLabels';
import { formatInstant } from '../../lib/format';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

/** One of my sessions (`GET /api/auth/sessions`). */
interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** One of my sign-in events (`GET /api/auth/logins`). */
interface SignIn {
  seq: number;
  at: string;
  action: string;
  ip: string | null;
  userAgent: string | null;
}

function useMine() {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [logins, setLogins] = useState<SignIn[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [s, l] = await Promise.all([api.get<Session[]>('/api/auth/sessions'), api.get<SignIn[]>('/api/auth/logins')]);
      setSessions(s);
      setLogins(l);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return { sessions, logins, loading, error, reload: load };
}

const agent = (ua: string | null) => (ua ? <Tooltip title={ua}>{browserOf(ua)}</Tooltip> : '—');

/**
 * 个人中心 — who I am (name, unit, roles), 修改密码, my live sessions (end one, or every other one:
 * 退出其他设备) and my recent sign-ins. Every signed-in user has it (the header's user menu).
 */
export function ProfilePage() {
  const me = useMe();
  const { message } = App.useApp();
  const mine = useMine();
  const [busy, setBusy] = useState<string | null>(null);
  const others = mine.sessions.filter((s) => !s.current).length;

  const revoke = async (id: string | null) => {
    setBusy(id ?? 'others');
    try {
      const r = id ? await api.del<{ revoked: number }>(`/api/auth/sessions/${id}`) : await api.post<{ revoked: number }>('/api/auth/sessions/revoke-others');
      message.success(id ? '该会话已注销' : `已退出其他 ${r.revoked} 个设备`);
      await mine.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle title="个人中心" description="本人账号信息、修改密码、登录会话与最近登录记录。" />
      <ErrorAlert error={mine.error} onRetry={() => void mine.reload()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="基本信息" data-testid="profile-info">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="姓名">{me.name}</Descriptions.Item>
              <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
              <Descriptions.Item label="所属单位">{me.org?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="角色">
                {me.roles.map((r) => (
                  <Tag key={r.key}>{r.label}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label="本局">{me.tenant?.name ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="修改密码" data-testid="profile-password">
            <ChangePasswordForm
              onDone={() => {
                message.success('密码已修改');
                void mine.reload();
              }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            title="我的会话"
            data-testid="profile-sessions"
            extra={
              <Popconfirm title="注销本人在其他设备上的全部登录？" okText="退出其他设备" cancelText="取消" onConfirm={() => revoke(null)} disabled={!others}>
                <Button danger disabled={!others} loading={busy === 'others'} data-testid="revoke-others">
                  退出其他设备
                </Button>
              </Popconfirm>
            }
            styles={{ body: { padding: 0 } }}
          >
            <Table<Session>
              rowKey="id"
              size="small"
              loading={mine.loading}
              dataSource={mine.sessions}
              pagination={false}
              scroll={{ x: 720 }}
              columns={[
                { title: '登录时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatInstant(v) },
                { title: '最近活动', dataIndex: 'lastSeenAt', width: 170, render: (v: string) => formatInstant(v) },
                { title: '登录地址', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
                { title: '浏览器', dataIndex: 'userAgent', render: agent },
                {
                  title: '操作',
                  key: 'op',
                  width: 120,
                  render: (_, s) =>
                    s.current ? (
                      <Tag color="green">本次登录</Tag>
                    ) : (
                      <Popconfirm title="注销这个会话？该设备须重新登录" okText="注销" cancelText="取消" onConfirm={() => revoke(s.id)}>
                        <Button size="small" danger loading={busy === s.id} data-testid="revoke-session">
                          注销
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="最近登录" data-testid="profile-logins" styles={{ body: { padding: 0 } }}>
            <Table<SignIn>
              rowKey="seq"
              size="small"
              loading={mine.loading}
              dataSource={mine.logins}
              pagination={false}
              scroll={{ x: 600 }}
              columns={[
                { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatInstant(v) },
                { title: '事件', dataIndex: 'action', width: 120, render: (a: string) => <Tag color={actionColor(a)}>{entityActionLabel('user', a)}</Tag> },
                { title: '登录地址', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
                { title: '浏览器', dataIndex: 'userAgent', render: agent },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ margin: 12 }}>
              如发现不是本人的登录，请立即修改密码并退出其他设备。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
