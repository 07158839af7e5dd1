import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { type InspectionRecord, STAGE_COLORS } from '../api';
import { RegisterRecordModal } from './RegisterRecordModal';

const KINDS = ['双随机', '专项', '投诉举报', '上级交办', '回访'];
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

/** 行政检查 — every inspection of the bureau and its streets (the 双随机 results included), by kind, unit and year. */
export function RecordsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>();
  const [year, setYear] = useState<number | undefined>(2022);
  const [unit, setUnit] = useState<string>();
  const qs = new URLSearchParams({ ...(kind ? { kind } : {}), ...(year ? { year: String(year) } : {}), ...(unit ? { orgId: unit } : {}) });
  const res = useApi<InspectionRecord[]>(`/api/inspections/records?${qs}`);
  // The units in the user's scope (not the list read a second time to collect them).
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title="行政检查"
        description="涉企行政检查登记：检查对象、类别、依据、2名以上持证执法人员、检查情况与处理结果；“双随机”抽查结果自动形成检查记录。同一企业年度检查次数超过上限时提示。"
        extra={
          can('inspections.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="register-record">
              登记检查
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="年度"
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Select
          allowClear
          placeholder="检查类别"
          style={{ width: 130 }}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: k }))}
          data-testid="filter-kind"
        />
        <Select
          allowClear
          placeholder="检查单位"
          style={{ width: 160 }}
          value={unit}
          onChange={setUnit}
          options={(units.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <span style={{ color: '#888' }}>共 {res.data?.length ?? 0} 条</span>
      </Space>
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<InspectionRecord>
          rowKey="id"
          loading={res.loading}
          dataSource={res.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => navigate(`/inspections/records/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '检查编号', dataIndex: 'recordNo', width: 130 },
            { title: '检查日期', dataIndex: 'inspectedOn', width: 110 },
            { title: '检查对象', dataIndex: 'entityName', ellipsis: true },
            { title: '类别', dataIndex: 'kind', width: 90 },
            { title: '检查单位', dataIndex: 'orgName', width: 120 },
            { title: '处理结果', dataIndex: 'followUp', width: 100 },
            { title: '状态', dataIndex: 'stageLabel', width: 90, render: (v: string, r) => <Tag color={STAGE_COLORS[r.stage]}>{v}</Tag> },
          ]}
        />
      </Card>
      {creating ? (
        <RegisterRecordModal
          onClose={() => setCreating(false)}
          onDone={(r) => {
            setCreating(false);
            navigate(`/inspections/records/${r.id}`, { state: { warnings: r.warnings } });
          }}
        />
      ) : null}
    </>
  );
}
