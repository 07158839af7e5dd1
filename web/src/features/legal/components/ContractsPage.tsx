import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { Appraisal, Contract } from '../api';
import { FormModal } from '../../../components/FormModal';
import { formatYuan } from '../../../lib/format';

/** 顾问合同与年度考核 — the firm's contract terms, and the annual self-check, scoring and suggestions. */
export function ContractsPage() {
  const can = useCan();
  const contracts = useApi<Contract[]>('/api/legal/contracts');
  const appraisals = useApi<{ items: Appraisal[] }>('/api/legal/appraisals');
  const [modal, setModal] = useState<null | 'contract' | 'appraisal'>(null);
  return (
    <>
      <PageTitle title="顾问合同与年度考核" description="通过政府采购聘请常年法律顾问；每年对法律顾问工作开展自查和考核，提出改进意见建议。" />
      <ErrorAlert error={contracts.error ?? appraisals.error} />
      <Card
        title="顾问合同"
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: 0 } }}
        extra={
          can('legal.manage') ? (
            <Button icon={<PlusOutlined />} onClick={() => setModal('contract')}>
              登记合同
            </Button>
          ) : null
        }
      >
        <Table<Contract>
          rowKey="id"
          loading={contracts.loading}
          dataSource={contracts.data ?? []}
          pagination={false}
          columns={[
            { title: '顾问单位', dataIndex: 'firm' },
            { title: '合同编号', dataIndex: 'contractNo', width: 180 },
            { title: '合同期限', key: 't', width: 220, render: (_, c) => `${c.startOn} 至 ${c.endOn}` },
            { title: '合同金额（元）', dataIndex: 'feeYuan', width: 130, render: (v: number | null) => (v == null ? '—' : formatYuan(v, { unit: false })) },
            { title: '顾问律师', dataIndex: 'lawyers', width: 200 },
          ]}
        />
      </Card>
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
            contracts.reload();
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
