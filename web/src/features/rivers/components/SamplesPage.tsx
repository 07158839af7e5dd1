import { useState } from 'react';
import { Button, Card, DatePicker, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { CLASS_COLOR, GRADE_COLOR, GRADE_LABEL, type River, type Sample } from '../api';
import { SampleFormModal } from './SampleFormModal';
import { SampleResult } from './SampleResult';

/** 水质监测 — samples by year, river and grade; recording one shows its class, grade and any alert raised. */
export function SamplesPage() {
  const [year, setYear] = useState(2022);
  const [riverId, setRiverId] = useState<string>();
  const [grade, setGrade] = useState('');
  const res = useApi<Sample[]>(`/api/water-samples${qs({ year, riverId, grade })}`);
  const rivers = useApi<River[]>('/api/rivers');
  const [adding, setAdding] = useState(false);
  const [result, setResult] = useState<Sample | null>(null);
  const can = useCan();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle
        title="水质监测"
        description="按GB 3838-2002确定水质类别（最差指标决定，超过V类为劣V类）；按《城市黑臭水体整治工作指南》分级，判为黑臭即向河涌责任单位发出预警。"
        extra={
          can('rivers.samples') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              录入监测
            </Button>
          )
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="河涌"
              style={{ width: 200 }}
              value={riverId}
              onChange={setRiverId}
              options={(rivers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            />
            <Segmented
              value={grade}
              onChange={(v) => setGrade(String(v))}
              options={[
                { label: '全部', value: '' },
                { label: '黑臭', value: 'black' },
                { label: '不黑不臭', value: 'none' },
              ]}
            />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Sample>
          rowKey="id"
          size="middle"
          loading={res.loading}
          dataSource={res.data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 次` }}
          onRow={(r) => ({ onClick: () => navigate(`/rivers/samples/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '采样日期', dataIndex: 'sampledOn', width: 110 },
            { title: '河涌', dataIndex: 'river' },
            { title: '断面', dataIndex: 'section', render: (v) => v ?? '—' },
            { title: '溶解氧', dataIndex: 'doMgl', width: 80 },
            { title: '氨氮', dataIndex: 'nh3nMgl', width: 80 },
            { title: '总磷', dataIndex: 'tpMgl', width: 80 },
            { title: '透明度', dataIndex: 'transparencyCm', width: 80 },
            { title: '水质类别', dataIndex: 'gbClass', width: 90, render: (c: string | null) => (c ? <Tag color={CLASS_COLOR[c]}>{c}</Tag> : '—') },
            {
              title: '黑臭分级',
              dataIndex: 'blackGrade',
              width: 100,
              render: (g: Sample['blackGrade']) => (g ? <Tag color={GRADE_COLOR[g]}>{GRADE_LABEL[g]}</Tag> : '—'),
            },
          ]}
        />
      </Card>
      {adding && (
        <SampleFormModal
          riverId={riverId}
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            setResult(s);
            res.reload();
          }}
        />
      )}
      <Modal
        open={!!result}
        title="监测结果"
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>关闭</Button>}
        width={760}
        destroyOnHidden
      >
        {result && <SampleResult s={result} />}
      </Modal>
    </>
  );
}
