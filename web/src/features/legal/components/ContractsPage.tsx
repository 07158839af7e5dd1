import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { type Appraisal, type Contract, CONTRACT_LIST, CONTRACT_TERM_LABELS, type ContractTerm, contractTermColor } from '../api';
import { FormModal } from '../../../components/FormModal';
import { formatYuan } from '../../../lib/format';

const orDash = (v: string | null) => v ?? '—';

/**
 * 顾问合同与年度考核 — the firm's contract terms, and the annual self-check, scoring and suggestions. The
 * contracts on the one list component: year begun and text (顾问单位, 合同编号, 顾问律师) in the search form,
 * where the term stands today as a column filter, sort by number, firm and dates (server-side), the query in
 * the URL, and the export of exactly the filtered contracts under the list's columns.
 */
export function ContractsPage() {
  const can = useCan();
  const query = useListQuery();
  const [reloadKey, setReloadKey] = useState(0);
  const appraisals = useApi<{ items: Appraisal[] }>('/api/legal/appraisals');
  const [modal, setModal] = useState<null | 'contract' | 'appraisal'>(null);
  const columns = useMemo<RecordColumn<Contract>[]>(
    () => [
      { key: 'contractNo', title: '合同编号', dataIndex: 'contractNo', width: 180, sortKey: 'contractNo', fixedShown: true },
      { key: 'firm', title: '顾问单位', dataIndex: 'firm', width: 220, sortKey: 'firm' },
      { key: 'startOn', title: '起始日期', dataIndex: 'startOn', width: 110, sortKey: 'startOn' },
      { key: 'endOn', title: '截止日期', dataIndex: 'endOn', width: 110, sortKey: 'endOn' },
      {
        key: 'term',
        title: '合同状态',
        dataIndex: 'term',
        width: 100,
        filter: { param: 'term', options: Object.entries(CONTRACT_TERM_LABELS).map(([value, label]) => ({ label, value })) },
        render: (v: ContractTerm | undefined) => (v ? <Tag color={contractTermColor(v)}>{CONTRACT_TERM_LABELS[v]}</Tag> : '—'),
      },
      {
        key: 'feeYuan',
        title: '合同金额（元）',
        dataIndex: 'feeYuan',
        width: 130,
        align: 'right',
        render: (v: number | null) => (v == null ? '—' : formatYuan(v, { unit: false })),
      },
      { key: 'lawyers', title: '顾问律师', dataIndex: 'lawyers', width: 180, render: orDash },
      { key: 'procurement', title: '采购方式', dataIndex: 'procurement', width: 140, defaultHidden: true, render: orDash },
    ],
    [],
  );
  return (
    <>
      <PageTitle title="顾问合同与年度考核" description="通过政府采购聘请常年法律顾问；每年对法律顾问工作开展自查和考核，提出改进意见建议。" />
      <ErrorAlert error={appraisals.error} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        顾问合同
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>
        <RecordList<Contract>
          listKey="legal.contracts"
          query={query}
          endpoint={`${CONTRACT_LIST}/list`}
          exportEndpoint={`${CONTRACT_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="份"
          testId="contracts-table"
          reloadKey={reloadKey}
          toolbar={
            can('legal.manage') ? (
              <Button icon={<PlusOutlined />} onClick={() => setModal('contract')}>
                登记合同
              </Button>
            ) : null
          }
          {...yearTextSearch({ yearLabel: '起始年度', placeholder: '顾问单位、合同编号、顾问律师' })}
        />
      </div>
      <Card
        title="年度考核"
        extra={
          can('legal.manage') ? (
            <Button icon={<PlusOutlined />} onClick={() => setModal('appraisal')}>
              登记考核
            </Button>
          ) : null
        }
      >
        {(appraisals.data?.items ?? []).map((a) => (
          <Card
            key={a.id}
            type="inner"
            title={`${a.year}年度法律顾问工作考核（${a.appraisedOn}）`}
            extra={
              <Tag color="green">
                {a.grade} · {a.total}分
              </Tag>
            }
            style={{ marginBottom: 12 }}
          >
            <Descriptions column={1} size="small">
              <Descriptions.Item label="自查情况">{a.selfCheck}</Descriptions.Item>
              <Descriptions.Item label="评分">{a.criteria.map((c) => `${c.name} ${c.score}/${c.max}`).join('；')}</Descriptions.Item>
              <Descriptions.Item label="改进建议">{a.suggestions ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
        ))}
        {!appraisals.data?.items.length ? <Typography.Text type="secondary">暂无考核记录</Typography.Text> : null}
      </Card>
      {modal === 'contract' ? (
        <FormModal
          title="登记顾问合同"
          onSubmit={(v) => api.post('/api/legal/contracts', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            setReloadKey((k) => k + 1);
          }}
        >
          <Form.Item name="firm" label="顾问单位" rules={[{ required: true, message: '请填写顾问单位' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contractNo" label="合同编号" rules={[{ required: true, message: '请填写合同编号' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="startOn" label="起始日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endOn" label="截止日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="feeYuan" label="合同金额（元）">
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="lawyers" label="顾问律师">
            <Input />
          </Form.Item>
          <Form.Item name="procurement" label="采购方式">
            <Input />
          </Form.Item>
        </FormModal>
      ) : modal === 'appraisal' ? (
        <FormModal
          title="登记年度考核"
          width={720}
          initialValues={{
            year: dayjs().year() - 1,
            appraisedOn: dayjs(),
            criteria: [
              { name: '服务态度与廉洁自律', max: 20 },
              { name: '专业能力', max: 30 },
              { name: '响应时效', max: 20 },
              { name: '工作成效', max: 30 },
            ],
          }}
          onSubmit={(v) => api.post('/api/legal/appraisals', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            appraisals.reload();
          }}
        >
          <Form.Item name="year" label="考核年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="appraisedOn" label="考核日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="selfCheck" label="自查情况" rules={[{ required: true, message: '请填写自查情况' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '指标名称' }]}>
                      <Input placeholder="考核指标" style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: '满分' }]}>
                      <InputNumber placeholder="满分" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'score']} rules={[{ required: true, message: '得分' }]} validateStatus={undefined}>
                      <InputNumber placeholder="得分" data-testid={`criteria-score-${i}`} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', max: 10 })} icon={<PlusOutlined />}>
                  增加指标
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="suggestions" label="改进意见建议" style={{ marginTop: 12 }}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
