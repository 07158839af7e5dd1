import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { formatInstant } from '../../../lib/format';
import { systemApi, type ApiKey, type GrantablePermission, type NewApiKey } from '../api';

const STATUS: Record<ApiKey['status'], { label: string; color: string }> = {
  active: { label: '有效', color: 'green' },
  expired: { label: '已过期', color: 'default' },
  revoked: { label: '已吊销', color: 'red' },
};

type CreateValues = {
  name: string;
  permissions: string[];
  /** YYYY-MM-DD (FormModal sends the picked date so). */
  expiresOn: string;
};

/** The form of a new key: the client's name, the permissions (Chinese, by module), the expiry (at most a year). */
function CreateKeyModal({ perms, onClose, onCreated }: { perms: GrantablePermission[]; onClose: () => void; onCreated: (k: NewApiKey) => void }) {
  const today = dayjs().startOf('day');
  const options = useMemo(() => {
    const groups = new Map<string, Array<{ value: string; label: string }>>();
    for (const p of perms) groups.set(p.moduleTitle, [...(groups.get(p.moduleTitle) ?? []), { value: p.key, label: `${p.label}（${p.key}）` }]);
    return [...groups].map(([label, options]) => ({ label, options }));
  }, [perms]);
  const create = (values: Record<string, unknown>) => {
    const v = values as CreateValues;
    return systemApi.createApiKey({ name: v.name.trim(), permissions: v.permissions, expiresOn: v.expiresOn });
  };
  return (
    <FormModal<NewApiKey>
      title="新建接口密钥"
      okText="创建"
      initialValues={{ permissions: [], expiresOn: today.add(1, 'year') }}
      onSubmit={create}
      onDone={onCreated}
      onClose={onClose}
      testId="apikey-form"
    >
      <Form.Item name="name" label="接入方名称" extra="如：12345热线平台、省行政执法平台、信用平台" rules={[{ required: true, message: '请填写接入方名称' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="permissions" label="接口权限" extra="只授予接入方所需的最少权限" rules={[{ required: true, message: '请至少选择一项接口权限' }]}>
        <Select mode="multiple" options={options} optionFilterProp="label" placeholder="选择权限" data-testid="apikey-permissions" />
      </Form.Item>
      <Form.Item name="expiresOn" label="有效期至" extra="不超过一年" rules={[{ required: true, message: '请选择有效期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(today) || d.isAfter(today.add(1, 'year'))} />
      </Form.Item>
    </FormModal>
  );
}

/** The token of a key just created, shown this once with a copy button. */
function TokenModal({ created, onClose }: { created: NewApiKey; onClose: () => void }) {
  return (
    <Modal
      open
      title={`接口密钥已创建：${created.key.name}`}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存
        </Button>
      }
      width={620}
    >
      <Alert
        type="warning"
        showIcon
        title="密钥只显示这一次"
        description="系统只保存密钥的摘要，关闭后无法再次查看。请立即复制，通过安全渠道交给接入方；遗失请吊销后重新创建。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph copyable={{ text: created.token }} code style={{ wordBreak: 'break-all' }} data-testid="apikey-token">
        {created.token}
      </Typography.Paragraph>
      <Typography.Text type="secondary">调用时在请求头加入：Authorization: Bearer &lt;密钥&gt;</Typography.Text>
    </Modal>
  );
}

/** 接口密钥 — keys for machine clients: list, create (the token shown once), revoke. */
export function ApiKeysPage() {
  const { message } = App.useApp();
  const keys = useApi<ApiKey[]>('/api/api-keys');
  const perms = useApi<GrantablePermission[]>('/api/api-keys/permissions');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const labels = useMemo(() => new Map((perms.data ?? []).map((p) => [p.key, p.label])), [perms.data]);

  const revoke = async (k: ApiKey) => {
    try {
      await systemApi.revokeApiKey(k.id);
      message.success(`已吊销 ${k.name} 的密钥`);
      keys.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <>
      <PageTitle
        title="接口密钥"
        description="供12345热线平台、省行政执法平台、信用平台等系统调用接口；每次调用均记入审计日志。"
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={keys.reload}>
              刷新
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!perms.data}>
              新建密钥
            </Button>
          </>
        }
      />
      <ErrorAlert error={keys.error ?? perms.error} onRetry={keys.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ApiKey>
          rowKey="id"
          loading={keys.loading}
          dataSource={keys.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: '尚未创建接口密钥' }}
          // 状态 beside the name: on a phone the two show before the list scrolls sideways.
          columns={[
            {
              title: '接入方',
              dataIndex: 'name',
              width: 180,
              render: (n: string) => (
                <Space>
                  <KeyOutlined />
                  {n}
                </Space>
              ),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: ApiKey['status'], k) => (
                <Tag color={STATUS[s].color} title={k.revokedAt ? `${k.revokedBy ?? ''} ${formatInstant(k.revokedAt)}` : undefined}>
                  {STATUS[s].label}
                </Tag>
              ),
            },
            {
              title: '接口权限',
              dataIndex: 'permissions',
              render: (ps: string[]) => ps.map((p) => <Tag key={p}>{labels.get(p) ?? p}</Tag>),
            },
            { title: '有效期至', dataIndex: 'expiresOn', width: 110 },
            { title: '最近使用', dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => (v ? formatInstant(v) : '从未使用') },
            { title: '创建', key: 'created', width: 200, render: (_, k) => `${k.createdBy} ${formatInstant(k.createdAt).slice(0, 10)}` },
            {
              title: '操作',
              key: 'actions',
              width: 90,
              render: (_, k) =>
                k.status === 'revoked' ? null : (
                  <Popconfirm
                    title={`吊销“${k.name}”的密钥？`}
                    description="吊销后立即失效，接入方的调用将被拒绝，且不能恢复。"
                    okText="吊销"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(k)}
                  >
                    <Button type="link" size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {creating && perms.data ? (
        <CreateKeyModal
          perms={perms.data}
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
            keys.reload();
          }}
        />
      ) : null}
      {created ? <TokenModal created={created} onClose={() => setCreated(null)} /> : null}
    </>
  );
}
