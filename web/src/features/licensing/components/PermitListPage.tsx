import { useState } from 'react';
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { CATEGORIES, STATUS_COLORS, STATUS_LABELS, type Permit, type PermitStatus } from '../api';
import { NewPermitModal } from './NewPermitModal';

/** 许可办件 — permit cases by received date, with filters; new applications are registered here. */
export function PermitListPage() {
  const can = useCan();
  const navigate = useNavigate();
  // All years by default (newest first); a year narrows the list to cases received in it.
  const [year, setYear] = useState<number | undefined>();
  const [category, setCategory] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const res = useApi<{ items: Permit[]; total: number }>(`/api/licensing/permits${qs({ year, category, status, q, page })}`);
  return (
    <>
      <PageTitle
        title="行政许可办件"
        description="受理前5个工作日内一次告知补正；在承诺时限内作出决定（法定时限为上限，听证、检测、专家评审时间不计入）；准予许可的10个工作日内发证、7个工作日内公示。"
        extra={
          can('licensing.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              收件登记
            </Button>
          ) : null
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <DatePicker
              picker="year"
              placeholder="全部年度"
              value={year ? dayjs(`${year}-01-01`) : null}
              onChange={(d) => {
                setYear(d ? d.year() : undefined);
                setPage(1);
              }}
              format="YYYY年"
            />
            <Select
              allowClear
              placeholder="类别"
              style={{ width: 120 }}
              value={category}
              onChange={(v) => {
                setCategory(v);
                setPage(1);
              }}
              options={CATEGORIES.map((c) => ({ value: c, label: c }))}
            />
            <Select
              allowClear
              placeholder="状态"
              style={{ width: 120 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Input.Search
              allowClear
              placeholder="办件编号、申请人、文书号"
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              style={{ width: 240 }}
            />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Permit>
          rowKey="id"
          data-testid="permits-table"
          loading={res.loading}
          dataSource={res.data?.items ?? []}
          onRow={(p) => ({ onClick: () => navigate(`/licensing/permits/${p.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件`, showSizeChanger: false }}
          columns={[
            { title: '办件编号', dataIndex: 'caseNo', width: 130 },
            { title: '许可事项', dataIndex: 'itemName' },
            { title: '类别', dataIndex: 'category', width: 90 },
            { title: '申请人', dataIndex: 'applicant', width: 260 },
            { title: '收件日期', dataIndex: 'receivedOn', width: 110 },
            { title: '承诺期限', dataIndex: 'dueOn', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: '决定日期',
              dataIndex: 'decidedOn',
              width: 110,
              render: (v: string | null, p) =>
                v ? (
                  <span>
                    {v}
                    {p.onTime === false ? (
                      <Tag color="red" style={{ marginLeft: 4 }}>
                        超期
                      </Tag>
                    ) : null}
                  </span>
                ) : (
                  '—'
                ),
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: PermitStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
          ]}
        />
      </Card>
      {creating ? <NewPermitModal onClose={() => setCreating(false)} onCreated={(p) => navigate(`/licensing/permits/${p.id}`)} /> : null}
    </>
  );
}
