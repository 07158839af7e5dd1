import { useState } from 'react';
import { Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { Chart } from '../../../components/Chart';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import type { ComparisonRow, ReviewDetail, ReviewSummary } from '../api';
import { useOrgList } from '../hooks/useEnforcement';
import { formatYuan } from '../../../lib/format';

/** 街道执法监督 — the comparison of streets and 案卷评查 (reproducible draws, scoring, findings and rectification). */
export function SupervisionPage() {
  const [year, setYear] = useState(2022);
  const cmp = useApi<ComparisonRow[]>(`/api/enforcement/comparison?year=${year}`);
  const reviews = useApi<ReviewSummary[]>('/api/enforcement/reviews');
  const can = useCan();
  const [drawing, setDrawing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const rows = cmp.data ?? [];
  return (
    <>
      <PageTitle
        title="街道执法监督"
        description="各街道水务执法案件情况（案件抄告）与案卷评查；评查抽样记录随机种子，可复现。"
        extra={<DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />}
      />
      <Tabs
        items={[
          {
            key: 'compare',
            label: '街道对比',
            children: (
              <>
                <ErrorAlert error={cmp.error} onRetry={cmp.reload} />
                <Card size="small" style={{ marginBottom: 16 }}>
                  <Chart
                    height={300}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0, data: ['立案', '结案', '当前逾期'] },
                      grid: { left: 40, right: 20, top: 36, bottom: 60 },
                      xAxis: { type: 'category', data: rows.map((r) => r.orgName.replace('街道', '')), axisLabel: { interval: 0, rotate: 40 } },
                      yAxis: { type: 'value', minInterval: 1 },
                      series: [
                        { name: '立案', type: 'bar', data: rows.map((r) => r.filed) },
                        { name: '结案', type: 'bar', data: rows.map((r) => r.closed) },
                        { name: '当前逾期', type: 'bar', data: rows.map((r) => r.overdue) },
                      ],
                    }}
                  />
                </Card>
                <Card styles={{ body: { padding: 0 } }}>
                  <Table<ComparisonRow>
                    rowKey="orgId"
                    size="small"
                    loading={cmp.loading}
                    dataSource={rows}
                    pagination={false}
                    data-testid="comparison-table"
                    summary={(d) => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                        <Table.Summary.Cell index={1}>{d.reduce((s, r) => s + r.filed, 0)}</Table.Summary.Cell>
                        <Table.Summary.Cell index={2}>{d.reduce((s, r) => s + r.closed, 0)}</Table.Summary.Cell>
                        <Table.Summary.Cell index={3}>
                          {formatYuan(
                            d.reduce((s, r) => s + r.penaltyYuan, 0),
                            { unit: false },
                          )}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} colSpan={4} />
                      </Table.Summary.Row>
                    )}
                    columns={[
                      { title: '街道', dataIndex: 'orgName', render: (v: string, r) => <Link to={`/enforcement/cases?orgId=${r.orgId}`}>{v}</Link> },
                      { title: `${year}年立案`, dataIndex: 'filed', sorter: (a, b) => a.filed - b.filed },
                      { title: `${year}年结案`, dataIndex: 'closed', sorter: (a, b) => a.closed - b.closed },
                      { title: '罚没金额（元）', dataIndex: 'penaltyYuan', render: (v: number) => formatYuan(v, { unit: false }) },
                      { title: '当前在办', dataIndex: 'open' },
                      { title: '当前逾期', dataIndex: 'overdue', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
                      { title: '评查案卷', dataIndex: 'reviewed' },
                      { title: '评查平均分', dataIndex: 'avgScore', render: (v: number | null) => v ?? '—' },
                    ]}
                  />
                </Card>
              </>
            ),
          },
          {
            key: 'reviews',
            label: '案卷评查',
            children: (
              <Card
                styles={{ body: { padding: 0 } }}
                title="评查批次"
                extra={
                  can('enforcement.review.manage') ? (
                    <Button type="primary" onClick={() => setDrawing(true)}>
                      抽取案卷
                    </Button>
                  ) : null
                }
              >
                <ErrorAlert error={reviews.error} onRetry={reviews.reload} />
                <Table<ReviewSummary>
                  rowKey="id"
                  size="small"
                  dataSource={reviews.data ?? []}
                  pagination={false}
                  columns={[
                    {
                      title: '评查',
                      dataIndex: 'title',
                      render: (v: string, r) => (
                        <Button type="link" onClick={() => setOpen(r.id)}>
                          {v}
                        </Button>
                      ),
                    },
                    { title: '街道', dataIndex: 'orgName', width: 120 },
                    { title: '抽取', key: 'n', width: 140, render: (_, r) => `${r.sampleSize} / ${r.population} 件` },
                    { title: '随机种子', dataIndex: 'seed', width: 120 },
                    { title: '抽取日期', dataIndex: 'drawnOn', width: 120 },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {drawing ? (
        <DrawModal
          year={year}
          onClose={() => setDrawing(false)}
          onDone={(id) => {
            setDrawing(false);
            reviews.reload();
            setOpen(id);
          }}
        />
      ) : null}
      {open ? (
        <ReviewDrawer
          id={open}
          onClose={() => {
            setOpen(null);
            cmp.reload();
          }}
        />
      ) : null}
    </>
  );
}

function DrawModal({ year, onClose, onDone }: { year: number; onClose(): void; onDone(id: string): void }) {
  const orgs = useOrgList();
  return (
    <FormModal<{ id: string }>
      title="抽取评查案卷"
      okText="抽取"
      width={520}
      testId="draw-review-form"
      initialValues={{ year, sampleSize: 3 }}
      onSubmit={(v) => api.post<{ id: string }>('/api/enforcement/reviews', { ...v, seed: v.seed ?? null })}
      onDone={(r) => onDone(r.id)}
      onClose={onClose}
    >
      <Form.Item name="orgId" label="被评查街道" rules={[{ required: true, message: '请选择街道' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(orgs.data ?? []).filter((o) => o.kind === 'street').map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="year" label="结案年度" rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="sampleSize" label="抽取件数" rules={[{ required: true }]}>
        <InputNumber min={1} max={100} />
      </Form.Item>
      <Form.Item name="seed" label="随机种子（留空自动生成；填写已记录的种子可复现抽样）">
        <InputNumber min={0} max={4294967295} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

function ReviewDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const r = useApi<ReviewDetail>(`/api/enforcement/reviews/${id}`);
  const can = useCan();
  const [scoring, setScoring] = useState<ReviewDetail['items'][number] | null>(null);
  const data = r.data;
  return (
    <Drawer open width={860} title={data?.title ?? '案卷评查'} onClose={onClose}>
      <ErrorAlert error={r.error} onRetry={r.reload} />
      {data ? (
        <>
          <Typography.Paragraph type="secondary">
            从{data.population}件已结案件中抽取{data.sampleSize}件；随机种子 {data.seed}；算法：{data.algorithm}。评查标准：
            {data.checklist.map((c) => `${c.label}（${c.points}分）`).join('、')}。
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={false}
            columns={[
              { title: '案件编号', dataIndex: 'caseNo', render: (v: string, x) => <Link to={`/enforcement/cases/${x.caseId}`}>{v}</Link> },
              { title: '案由', dataIndex: 'cause', ellipsis: true },
              { title: '得分', dataIndex: 'score', width: 70, render: (v: number | null) => v ?? '未评' },
              { title: '发现问题', dataIndex: 'findings', ellipsis: true },
              { title: '整改', dataIndex: 'rectification', ellipsis: true },
              {
                title: '',
                key: 'op',
                width: 70,
                render: (_, x) =>
                  can('enforcement.review.manage') ? (
                    <Button size="small" onClick={() => setScoring(x)}>
                      评分
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}
      {scoring && data ? (
        <ScoreModal
          review={data}
          item={scoring}
          onClose={() => setScoring(null)}
          onDone={() => {
            setScoring(null);
            r.reload();
          }}
        />
      ) : null}
    </Drawer>
  );
}

function ScoreModal({ review, item, onClose, onDone }: { review: ReviewDetail; item: ReviewDetail['items'][number]; onClose(): void; onDone(): void }) {
  return (
    <FormModal
      title={`评分：${item.caseNo}`}
      width={520}
      horizontal={{ labelCol: { span: 14 } }}
      testId="score-form"
      initialValues={{
        scores: item.scores ?? Object.fromEntries(review.checklist.map((c) => [c.key, c.points])),
        findings: item.findings,
        rectification: item.rectification,
      }}
      onSubmit={(v) =>
        api.post(`/api/enforcement/reviews/${review.id}/items/${item.id}`, {
          version: item.version,
          scores: v.scores,
          findings: v.findings ?? null,
          rectification: v.rectification ?? null,
          rectifiedOn: v.rectifiedOn ?? null,
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      {review.checklist.map((c) => (
        <Form.Item key={c.key} name={['scores', c.key]} label={`${c.label}（${c.points}分）`} rules={[{ required: true }]}>
          <InputNumber min={0} max={c.points} step={0.5} />
        </Form.Item>
      ))}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form.Item name="findings" label="发现问题" labelCol={{ span: 24 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rectification" label="整改情况" labelCol={{ span: 24 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="rectifiedOn" label="整改完成日期" labelCol={{ span: 24 }}>
          <DatePicker />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
