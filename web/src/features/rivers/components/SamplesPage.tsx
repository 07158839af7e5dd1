import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Modal, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { type BlackGrade, CLASS_COLOR, GRADE_COLOR, GRADE_LABEL, type River, type Sample, SAMPLE_LIST } from '../api';
import { SampleFormModal } from './SampleFormModal';
import { SampleResult } from './SampleResult';

const GRADES = [
  { label: '黑臭（轻度或重度）', value: 'black' },
  ...(Object.entries(GRADE_LABEL) as Array<[BlackGrade, string]>).map(([value, label]) => ({ label, value })),
];

/**
 * The latest year with samples (in the user's scope): the year of the latest sample, one row of the list
 * sorted by date. Not the metric look-up (useLatestYear): the rivers module's counts are standing ones
 * (rivers, rivers not black-odorous), none counts the year's samples, so it answers no year.
 */
function useLatestSampleYear(): LatestYear {
  const res = useApi<{ items: Sample[] }>(`${SAMPLE_LIST}/list?sort=sampledOn&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.sampledOn;
  return { year: latest ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/**
 * 水质监测 — samples on the one list component: year searched, river, class and grade as column
 * filters, sort by date and class, the query in the URL, the export of exactly the filtered samples
 * under the water-samples ledger's headers; recording one shows its class, grade and any alert raised.
 * It opens on the latest year with samples (not all years): clearing the year (or removing its tag) shows all.
 */
export function SamplesPage() {
  const latest = useLatestSampleYear();
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const rivers = useApi<River[]>('/api/rivers');
  const [adding, setAdding] = useState(false);
  const [result, setResult] = useState<Sample | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const can = useCan();
  const columns = useMemo<RecordColumn<Sample>[]>(
    () => [
      {
        key: 'sampledOn',
        title: '采样日期',
        dataIndex: 'sampledOn',
        width: 120,
        sortKey: 'sampledOn',
        fixedShown: true,
        render: (v: string, r) => <Link to={`/rivers/samples/${r.id}`}>{v}</Link>,
      },
      {
        key: 'river',
        title: '河涌',
        dataIndex: 'river',
        width: 160,
        filter: { param: 'riverId', options: (rivers.data ?? []).map((r) => ({ label: r.name, value: r.id })) },
      },
      { key: 'section', title: '断面', dataIndex: 'section', width: 160, render: (v) => v ?? '—' },
      { key: 'doMgl', title: '溶解氧', dataIndex: 'doMgl', width: 80 },
      { key: 'nh3nMgl', title: '氨氮', dataIndex: 'nh3nMgl', width: 80 },
      { key: 'tpMgl', title: '总磷', dataIndex: 'tpMgl', width: 80 },
      { key: 'transparencyCm', title: '透明度', dataIndex: 'transparencyCm', width: 80 },
      {
        key: 'gbClass',
        title: '水质类别',
        dataIndex: 'gbClass',
        width: 110,
        sortKey: 'gbClass',
        render: (c: string | null) => (c ? <Tag color={CLASS_COLOR[c]}>{c}</Tag> : '—'),
        filter: { param: 'gbClass', options: Object.keys(CLASS_COLOR).map((c) => ({ label: c, value: c })) },
      },
      {
        key: 'blackGrade',
        title: '黑臭分级',
        dataIndex: 'blackGrade',
        width: 110,
        render: (g: Sample['blackGrade']) => (g ? <Tag color={GRADE_COLOR[g]}>{GRADE_LABEL[g]}</Tag> : '—'),
        filter: { param: 'grade', options: GRADES },
      },
    ],
    [rivers.data],
  );
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
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Sample>
          listKey="rivers.samples"
          query={query}
          endpoint={`${SAMPLE_LIST}/list`}
          exportEndpoint={`${SAMPLE_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="次"
          testId="samples-table"
          reloadKey={reloadKey}
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          searchFields={
            <Form.Item name="year" label="采样年度">
              <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
            </Form.Item>
          }
          toForm={(v) => ({ year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
      {adding && (
        <SampleFormModal
          riverId={query.values.riverId}
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            setResult(s);
            setReloadKey((k) => k + 1);
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
