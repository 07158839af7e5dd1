import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { useCan } from '../../../api/session';
import { useApi } from '../../../api/useApi';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { textSearch } from '../../../components/yearTextSearch';
import { useListQuery } from '../../../components/useListQuery';
import { formatInstant, formatValue } from '../../../lib/format';
import { systemApi, type User } from '../api';
import { useOrgs } from '../hooks/useOrgs';
import { useRoles } from '../hooks/useUsers';
import { USER_FIELD_LABELS } from '../labels';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserStatusTags } from './UserStatusTags';

/** A user in the list: the user and the unit's name. */
type UserRow = User & { orgName: string };

/**
 * 用户管理 on the one list component — accounts, their org and roles: username or name in the search form,
 * unit, role and status as column filters, sort by username, name, unit and role (server-side), page size,
 * the query in the URL. No export (users are not a ledger; never a password hash). Admins create, edit,
 * disable and reset passwords.
 */
export function UsersPage() {
  const can = useCan();
  const manage = can('system.users.manage');
  const { message } = App.useApp();
  const query = useListQuery();
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  const roles = useRoles();
  const orgs = useOrgs();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  // /system/users/:id opens the record's history (the page metrics drill-downs and the audit log link to).
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();
  // The opened user's name (the drawer's title), from every user in scope.
  const everyone = useApi<User[]>(historyId ? '/api/users' : null);
  const orgName = (id: string) => orgs.byId.get(id)?.name ?? '—';

  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      await systemApi.updateUser(u.id, u.version, { disabled });
      message.success(disabled ? `已停用 ${u.displayName}` : `已启用 ${u.displayName}`);
      reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) reload();
    }
  };

  const renderValue = (field: string, v: unknown) => {
    if (field === 'orgId' && typeof v === 'string') return orgName(v);
    if (field === 'roles' && Array.isArray(v)) return v.map((r) => roles.labels.get(String(r)) ?? String(r)).join('、');
    if (field === 'lockedUntil' && typeof v === 'string') return formatInstant(v);
    return formatValue(v);
  };

  const columns: RecordColumn<UserRow>[] = [
    { key: 'username', title: '用户名', dataIndex: 'username', width: 130, sortKey: 'username', fixedShown: true },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName', width: 120, sortKey: 'displayName' },
    {
      key: 'orgName',
      title: '所属单位',
      dataIndex: 'orgName',
      width: 160,
      sortKey: 'orgName',
      filter: { param: 'orgId', options: [...orgs.byId.values()].map((o) => ({ label: o.name, value: o.id })) },
    },
    {
      key: 'roles',
      title: '角色',
      dataIndex: 'roles',
      width: 180,
      sortKey: 'roles',
      filter: { param: 'role', options: (roles.data ?? []).map((r) => ({ label: r.label, value: r.key })) },
      render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roles.labels.get(r) ?? r}</Tag>),
    },
    {
      key: 'status',
      title: '状态',
      width: 200,
      filter: {
        param: 'disabled',
        options: [
          { label: '在用', value: 'false' },
          { label: '已停用', value: 'true' },
        ],
      },
      render: (_, u) => <UserStatusTags user={u} />,
    },
    {
      key: 'actions',
      title: '操作',
      width: manage ? 250 : 80,
      fixedShown: true,
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
          <Button type="link" size="small" onClick={() => navigate(`/system/users/${u.id}${window.location.search}`)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="用户管理"
        description="新建的账号须在首次登录时修改初始密码；重置密码后同样须修改。"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建用户
            </Button>
          ) : null
        }
      />
      <RecordList<UserRow>
        listKey="system.users"
        query={query}
        endpoint="/api/users/list"
        columns={columns}
        rowKey="id"
        unit="人"
        testId="users-table"
        reloadKey={reloadKey}
        {...textSearch({ placeholder: '用户名或姓名', width: 220 })}
      />
      {editing ? (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          roles={roles.data ?? []}
          tree={orgs.tree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setResetting(null);
            reload();
          }}
        />
      ) : null}
      <HistoryDrawer
        entity="user"
        id={historyId}
        name={historyId ? everyone.data?.find((u) => u.id === historyId)?.displayName : undefined}
        onClose={() => navigate(`/system/users${window.location.search}`)}
        fieldLabels={USER_FIELD_LABELS}
        renderValue={renderValue}
      />
    </>
  );
}
