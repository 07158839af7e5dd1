import { useState } from 'react';
import { Button, Card, DatePicker, Segmented, Space, Table, Tag } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { qs, download } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import { KIND_LABELS, type RegisterEntry } from '../api';

function status(e: RegisterEntry, today: string) {
  if (e.withdrawnOn) return <Tag>已撤回</Tag>;
  if (e.publishedOn) return <Tag color={e.publishedOn <= e.dueOn ? 'green' : 'orange'}>{e.publishedOn <= e.dueOn ? '已按期公示' : '逾期公示'}</Tag>;
  return today > e.dueOn ? <Tag color="red">逾期未公示</Tag> : <Tag color="blue">待公示</Tag>;
}

/** 双公示台账 — every penalty and licensing decision with its 7-working-day publication term. */
export function RegisterPage() {
  const [year, setYear] = useState(() => Number(todayShanghai().slice(0, 4)));
  const [kind, setKind] = useState<'penalty' | 'permit' | ''>('');
  const rows = useApi<RegisterEntry[]>(`/api/publicity/decisions${qs({ year, kind })}`);
  const can = useCan();
  const today = todayShanghai();
  return (
    <>
      <PageTitle
        title="双公示台账"
        description="行政处罚、行政许可决定自作出之日起7个工作日内公示（国办发〔2018〕118号）；被变更或撤销的决定应撤回公示（行政处罚法第四十八条）。"
        extra={
          <Space>
            <Button icon={<GlobalOutlined />} href="/public/decisions" target="_blank">
              公众公示页
            </Button>
            {can('publicity.export') && (
              <>
                <Button icon={<DownloadOutlined />} onClick={() => download(`/api/publicity/export${qs({ kind: 'penalty', year })}`, '行政处罚双公示.xlsx')}>
                  导出行政处罚
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => download(`/api/publicity/export${qs({ kind: 'permit', year })}`, '行政许可双公示.xlsx')}>
                  导出行政许可
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={[
                { label: '全部', value: '' },
                { label: '行政处罚', value: 'penalty' },
                { label: '行政许可', value: 'permit' },
              ]}
            />
          </Space>
        }
      >
        <ErrorAlert error={rows.error} onRetry={rows.reload} />
        <Table<RegisterEntry>
          rowKey="id"
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 96, render: (k: RegisterEntry['kind']) => KIND_LABELS[k] },
            { title: '决定文书号', dataIndex: 'decisionNo', width: 200 },
            { title: '当事人', dataIndex: 'party', width: 200 },
            { title: '事项', dataIndex: 'title' },
            { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
            { title: '公示期限', dataIndex: 'dueOn', width: 110 },
            { title: '公示日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
            { title: '状态', key: 'status', width: 120, render: (_, e) => status(e, today) },
          ]}
        />
      </Card>
    </>
  );
}
