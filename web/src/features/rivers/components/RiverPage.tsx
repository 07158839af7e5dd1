import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Descriptions, Row, Segmented, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import {
  CLASS_COLOR,
  GRADE_COLOR,
  GRADE_LABEL,
  isLakeOrReservoir,
  PARAM_LABEL,
  PERIOD_CLASS_METHOD_LABEL,
  type PeriodClassMethod,
  type RiverDetail,
  type Sample,
} from '../api';
import { Chart } from '../../../components/Chart';
import { RiverFormModal } from './RiversPage';
import { SampleFormModal } from './SampleFormModal';
import { useOrgValue } from '../../../components/useOrgValue';

const TREND = [
  ['doMgl', '溶解氧', 'mg/L', 5],
  ['nh3nMgl', '氨氮', 'mg/L', 1.0],
  ['tpMgl', '总磷', 'mg/L', 0.2],
  ['tnMgl', '总氮（湖、库）', 'mg/L', 1.0],
  ['codmnMgl', '高锰酸盐指数', 'mg/L', 6],
  ['transparencyCm', '透明度', 'cm', 25],
] as const;
/** GB 3838-2002 表1: the class III limit of 总磷 for 湖、库. */
const LAKE_TP_III = 0.05;

/** 河涌 — its register entry, the trend of each parameter (with the class III limit or the black-odour bound), each section's class over the year, samples, alerts and history. */
export function RiverPage() {
  const id = useParams().id!;
  const [year, setYear] = useState(2022);
  const [param, setParam] = useState<(typeof TREND)[number][0]>('nh3nMgl');
  const [classMethod, setClassMethod] = useState<PeriodClassMethod>('worst_month');
  const res = useApi<RiverDetail>(`/api/rivers/${id}${qs({ year, classMethod })}`);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const orgValue = useOrgValue();
  const r = res.data;
  const option = useMemo(() => {
    const t = TREND.find((x) => x[0] === param)!;
    const limit = t[0] === 'tpMgl' && isLakeOrReservoir(r?.waterType) ? LAKE_TP_III : t[3];
    const bySection = new Map<string, Sample[]>();
    for (const s of [...(r?.samples ?? [])].reverse())
      bySection.set(s.section ?? '（未指定断面）', [...(bySection.get(s.section ?? '（未指定断面）') ?? []), s]);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: `${t[1]}（${t[2]}）` },
      series: [...bySection].map(([name, xs], i) => ({
        name,
        type: 'line',
        data: xs.filter((s) => s[t[0]] != null).map((s) => [s.sampledOn, s[t[0]]]),
        ...(i === 0
          ? {
              markLine: {
                symbol: 'none',
                label: { formatter: t[0] === 'transparencyCm' ? '轻度黑臭 25cm' : `III类限值 ${limit}` },
                lineStyle: { type: 'dashed', color: '#cf1322' },
                data: [{ yAxis: limit }],
              },
            }
          : {}),
      })),
    };
  }, [r, param]);
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!r) return null;
  return (
    <>
      <PageTitle
        title={r.name}
        description={`水体类型：${r.waterType}；河长：${r.chief ?? '—'}；责任单位：${r.owner}`}
        extra={
          <>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            <Button onClick={() => navigate('/rivers')}>返回名录</Button>
            {r.actions.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
            {r.actions.sample && (
              <Button type="primary" onClick={() => setAdding(true)}>
                录入监测
              </Button>
            )}
          </>
        }
      />
      <Row gutter={16}>
        <Col span={16}>
          <Card
            title="水质趋势"
            extra={<Select value={param} onChange={setParam} style={{ width: 150 }} options={TREND.map((t) => ({ value: t[0], label: t[1] }))} />}
            style={{ marginBottom: 16 }}
          >
            <Chart option={option} height={320} testId="river-trend" />
          </Card>
          <Card title={`${year}年监测记录`} styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
            <Table<Sample>
              rowKey="id"
              size="small"
              dataSource={r.samples}
              pagination={{ pageSize: 12 }}
              onRow={(s) => ({ onClick: () => navigate(`/rivers/samples/${s.id}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: '采样日期', dataIndex: 'sampledOn' },
                { title: '断面', dataIndex: 'section', render: (v) => v ?? '—' },
                { title: '溶解氧', dataIndex: 'doMgl' },
                { title: '氨氮', dataIndex: 'nh3nMgl' },
                { title: '总磷', dataIndex: 'tpMgl' },
                { title: '类别', dataIndex: 'gbClass', render: (c: string | null) => (c ? <Tag color={CLASS_COLOR[c]}>{c}</Tag> : '—') },
                { title: '黑臭', dataIndex: 'blackGrade', render: (g: Sample['blackGrade']) => (g ? <Tag color={GRADE_COLOR[g]}>{GRADE_LABEL[g]}</Tag> : '—') },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title="基本情况" size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 't', label: '水体类型', children: r.waterType },
                { key: 'l', label: '长度', children: r.lengthKm != null ? `${r.lengthKm} km` : '—' },
                { key: 's', label: '所在街道', children: r.streets.join('、') || '—' },
                { key: 'c', label: '监测断面', children: r.sections.map((s) => s.name).join('、') || '—' },
              ]}
            />
          </Card>
          <Card
            title={`断面水质类别（${year}年）`}
            size="small"
            style={{ marginBottom: 16 }}
            extra={
              <Segmented<PeriodClassMethod>
                size="small"
                value={classMethod}
                onChange={setClassMethod}
                options={(['worst_month', 'period_mean'] as const).map((m) => ({ value: m, label: PERIOD_CLASS_METHOD_LABEL[m] }))}
                data-testid="class-method"
              />
            }
          >
            {r.sectionClasses[0] && (
              <div style={{ color: '#666', marginBottom: 8 }} data-testid="class-method-text">
                评价方法：{r.sectionClasses[0].methodLabel}——{r.sectionClasses[0].methodText}（依据：{r.sectionClasses[0].methodSource}）
              </div>
            )}
            {r.sectionClasses.map((sc) => (
              <div key={sc.sectionId} data-testid="section-class">
                <b>{sc.section}</b>：{sc.class ? <Tag color={CLASS_COLOR[sc.class]}>{sc.class}类</Tag> : '无监测'}
                {sc.period && (
                  <span style={{ color: '#666' }}>
                    （{sc.period.samples}次监测均值，由{sc.period.decidedBy.map((p) => PARAM_LABEL[p]).join('、')}决定）
                  </span>
                )}
                {sc.reference && (
                  <span style={{ color: '#666' }}>
                    总氮均值 {sc.reference.tn.mean} mg/L，{sc.reference.tn.class}类（参考指标，单独评价）
                  </span>
                )}
                {sc.worstMonth && (
                  <span style={{ color: '#666' }}>
                    （最差月 {sc.worstMonth}，由{(sc.months.find((m) => m.month === sc.worstMonth)?.decidedBy ?? []).map((p) => PARAM_LABEL[p]).join('、')}
                    决定）
                  </span>
                )}
                <div style={{ marginTop: 4 }}>
                  {sc.months.map((m) => (
                    <Tag key={m.month} color={m.class ? CLASS_COLOR[m.class] : undefined}>
                      {Number(m.month.slice(5))}月 {m.class}
                    </Tag>
                  ))}
                </div>
              </div>
            ))}
          </Card>
          <Card title="黑臭预警" size="small" style={{ marginBottom: 16 }}>
            {r.alerts.length
              ? r.alerts.map((a) => (
                  <div key={a.id}>
                    <Tag color={a.status === 'open' ? 'red' : 'green'}>{a.status === 'open' ? '待处置' : '已处置'}</Tag>
                    {a.raisedOn} {a.gradeLabel}
                  </div>
                ))
              : '无'}
          </Card>
          <Card title="变更历史" size="small">
            <RecordHistory entity="rivers.river" id={r.id} renderValue={orgValue} />
          </Card>
        </Col>
      </Row>
      {editing && (
        <RiverFormModal
          river={{ ...r, samples: r.samples.length }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            res.reload();
          }}
        />
      )}
      {adding && (
        <SampleFormModal
          riverId={r.id}
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false);
            res.reload();
            navigate(`/rivers/samples/${s.id}`);
          }}
        />
      )}
    </>
  );
}
