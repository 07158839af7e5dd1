import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { formatInstant, formatValue } from '../../../lib/format';
import { systemApi, type User } from '../api';
import { useOrgs } from '../hooks/useOrgs';
import { useRoles, useUsers } from '../hooks/useUsers';
import { USER_FIELD_LABELS } from '../labels';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserStatusTags } from './UserStatusTags';

/** 用户管理 — accounts, their org and roles; admins create, edit, disable and reset passwords. */
export function UsersPage() {
  const can = useCan();
  const manage = can('system.users.manage');
  const { message } = App.useApp();
  const users = useUsers();
  const roles = useRoles();
  const orgs = useOrgs();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  // /system/users/:id opens the record's history (the page metrics drill-downs and the audit log link to).
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();

  const text = search.trim();
  const rows = (users.data ?? []).filter((u) => !text || u.username.includes(text) || u.displayName.includes(text));
  const orgName = (id: string) => orgs.byId.get(id)?.name ?? '—';

  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      await systemApi.updateUser(u.id, u.version, { disabled });
      message.success(disabled ? `已停用 ${u.displayName}` : `已启用 ${u.displayName}`);
      users.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) users.reload();
    }
  };

  const renderValue = (field: string, v: unknown) => {
    if (field === 'orgId' && typeof v === 'string') return orgName(v);
    if (field === 'roles' && Array.isArray(v)) return v.map((r) => roles.labels.get(String(r)) ?? String(r)).join('、');
    if (field === 'lockedUntil' && typeof v === 'string') return formatInstant(v);
    return formatValue(v);
  };

  return (
    <>
      <PageTitle
        title="用户管理"
        description="新建的账号须在首次登录时修改初始密码；重置密码后同样须修改。"
        extra={
          <>
            <Input.Search
              placeholder="按用户名或姓名筛选"
              allowClear
              onSearch={setSearch}
              onChange={(e) => !e.target.value && setSearch('')}
              style={{ width: 220 }}
            />
            <Button icon={<ReloadOutlined />} onClick={users.reload}>
              刷新
            </Button>
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建用户
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={users.error} onRetry={users.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<User>
          rowKey="id"
          loading={users.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 130 },
            { title: '姓名', dataIndex: 'displayName', width: 120 },
            { title: '所属单位', dataIndex: 'orgId', render: orgName },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roles.labels.get(r) ?? r}</Tag>),
            },
            { title: '状态', key: 'status', width: 200, render: (_, u) => <UserStatusTags user={u} /> },
            {
              title: '操作',
              key: 'actions',
              width: manage ? 250 : 80,
              render: (_, u) => (
                <Space size={0} wrap>
                  {manage ? (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing(u)}>
                        编辑
                      </Button>
                      <Button type="link" size="small" onClick={() => setResetting(u)}>
                        重置密码
                      </Button>
                      {u.disabled ? (
                        <Button type="link" size="small" onClick={() => void setDisabled(u, false)}>
                          启用
                        </Button>
                      ) : (
                        <Popconfirm
                          title={`停用 ${u.displayName}？`}
                          description="停用后该用户无法登录，已登录的会话立即失效。"
                          okText="停用"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => setDisabled(u, true)}
                        >
                          <Button type="link" size="small" danger>
                            停用
                          </Button>
                        </Popconfirm>
                      )}
                    </>
                  ) : null}
                  <Button type="link" size="small" onClick={() => navigate(`/system/users/${u.id}`)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          roles={roles.data ?? []}
          tree={orgs.tree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setResetting(null);
            users.reload();
          }}
        />
      ) : null}
      <HistoryDrawer
        entity="user"
        id={historyId}
        name={historyId ? users.data?.find((u) => u.id === historyId)?.displayName : undefined}
        onClose={() => navigate('/system/users')}
        fieldLabels={USER_FIELD_LABELS}
        renderValue={renderValue}
      />
    </>
  );
}
