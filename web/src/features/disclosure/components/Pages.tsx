import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { download } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { DemandListPage } from '../../demands/components/DemandListPage';
import { DemandRecordPage } from '../../demands/components/DemandRecordPage';
import { IntakePage } from '../../demands/components/IntakePage';

const TYPES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
const CHANNELS = ['当面', '邮寄', '网络', '传真', '其他'] as const;

export function RequestListPage() {
  return (
    <DemandListPage
      module="disclosure"
      title="依申请公开"
      description="收到申请之日起20个工作日内答复，经批准可延长20个工作日；补正后重新起算，征求意见时间不计（政府信息公开条例第三十、三十三条）。"
      writePermission="disclosure.write"
      demandTypes={{ label: '申请人类型', values: TYPES }}
      extraColumns={[
        { title: '申请人类型', dataIndex: 'demandType', width: 110 },
        { title: '申请方式', dataIndex: 'channel', width: 90 },
      ]}
    />
  );
}

export function RequestIntakePage() {
  return (
    <IntakePage
      module="disclosure"
      title="登记政府信息公开申请"
      refLabel="申请编号"
      demandTypes={{ label: '申请人类型', values: TYPES, required: true }}
      channels={{ label: '申请方式', values: CHANNELS, required: true }}
    />
  );
}

export function RequestRecordPage() {
  return <DemandRecordPage module="disclosure" online />;
}

interface Report {
  requests: { columns: string[]; rows: Array<{ label: string; level: number; key: string; counts: number[] }>; check: { ok: boolean; problems: string[] } };
  proactive: Array<{ item: string; measure: string; value: number | null; source: string }>;
  remedies: Array<{ kind: string; counts: number[] }>;
}

/** 政府信息公开工作年度报告 — the tables computed from the records, the check rule, downloads. */
export function AnnualReportPage() {
  const [year, setYear] = useState(() => dayjs().year() - 1);
  const res = useApi<Report>(`/api/disclosure/report/${year}`);
  const r = res.data;
  const file = (f: string) => download(`/api/disclosure/report/${year}/file?format=${f}`, `年度报告.${f}`);
  return (
    <>
      <PageTitle
        title="政府信息公开工作年度报告"
        description="表格按国办公开办函〔2021〕30号模板由台账记录计算；每年1月31日前公布。"
        extra={
          <Space>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            <Button icon={<DownloadOutlined />} onClick={() => file('docx')}>
              Word
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => file('xlsx')}>
              Excel
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => file('html')}>
              网页
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {r ? (
        <>
          {r.requests.check.ok ? (
            <Alert
              type="success"
              showIcon
              title="勾稽关系校验通过：本年新收＋上年结转＝办理结果总计＋结转下年度"
              style={{ marginBottom: 16 }}
              data-testid="report-check"
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title="勾稽关系校验未通过"
              description={r.requests.check.problems.join('；')}
              style={{ marginBottom: 16 }}
              data-testid="report-check"
            />
          )}
          <Card title="收到和处理政府信息公开申请情况" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={r.requests.rows}
              columns={[
                { title: '项目', dataIndex: 'label', render: (v: string, row) => <span style={{ paddingLeft: row.level * 16 }}>{v}</span> },
                ...r.requests.columns.map((c, i) => ({
                  title: c,
                  key: c,
                  width: 90,
                  render: (_: unknown, row: Report['requests']['rows'][number]) => row.counts[i] ?? '',
                })),
              ]}
            />
          </Card>
          <Card title="主动公开政府信息情况" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(p) => `${p.item}:${p.measure}`}
              pagination={false}
              dataSource={r.proactive}
              columns={[
                { title: '信息内容', dataIndex: 'item' },
                { title: '指标', dataIndex: 'measure' },
                { title: '数量', dataIndex: 'value', render: (v: number | null) => v ?? '—' },
                { title: '来源', dataIndex: 'source' },
              ]}
            />
          </Card>
          <Card title="行政复议、行政诉讼情况" styles={{ body: { padding: 0 } }}>
            <Table
              size="small"
              rowKey="kind"
              pagination={false}
              dataSource={r.remedies}
              columns={[
                { title: '类别', dataIndex: 'kind' },
                ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c, i) => ({
                  title: c,
                  key: c,
                  render: (_: unknown, row: Report['remedies'][number]) => row.counts[i],
                })),
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
