import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { systemApi, type CalendarOverride, type OverrideResult } from '../api';
import { OVERRIDE_KIND_LABELS } from '../labels';

interface Props {
  overrides: CalendarOverride[];
  loading: boolean;
  error?: ApiError;
  onReload: () => void;
  manage: boolean;
  onEdit: (o: Partial<CalendarOverride>) => void;
  onDeleted: (date: string, r: OverrideResult) => void;
}

/** 节假日调整表 — the administrator's corrections to the State Council calendar. */
export function OverrideTable({ overrides, loading, error, onReload, manage, onEdit, onDeleted }: Props) {
  const { message } = App.useApp();
  const remove = async (date: string) => {
    try {
      onDeleted(date, await systemApi.deleteOverride(date));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card
      title="节假日调整表"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={onReload}>
            刷新
          </Button>
          {manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onEdit({ kind: 'holiday' })}>
              新增调整
            </Button>
          ) : null}
        </Space>
      }
    >
      <ErrorAlert error={error} onRetry={onReload} />
      <Table<CalendarOverride>
        rowKey="date"
        size="small"
        loading={loading}
        dataSource={overrides}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无调整：全部按国务院节假日安排计算' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 130 },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 100,
            render: (k: CalendarOverride['kind']) => <Tag color={k === 'holiday' ? 'red' : 'gold'}>{OVERRIDE_KIND_LABELS[k]}</Tag>,
          },
          { title: '名称', dataIndex: 'name', width: 160, render: (v: string | null) => v ?? '—' },
          { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 140,
                  render: (_: unknown, o: CalendarOverride) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => onEdit(o)}>
                        编辑
                      </Button>
                      <Popconfirm
                        title={`删除 ${o.date} 的调整？`}
                        description="删除后该日按国务院安排计算，受影响的期限将重算。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(o.date)}
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
