import { Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { FormModal } from '../../../components/FormModal';
import { decisionsApi, type CatalogueItem, type Decision } from '../api';

interface Props {
  onClose(): void;
  onCreated(d: Decision): void;
}

/** The steps a decision may go without, each with why the regulation asks for it. */
const OPTIONAL: Array<{ key: 'participation' | 'expert' | 'risk'; label: string; hint: string }> = [
  { key: 'participation', label: '公众参与', hint: '依法不予公开的决策事项除外（条例第十四条）' },
  { key: 'expert', label: '专家论证', hint: '专业性、技术性较强的决策事项应当论证（条例第十九条）' },
  { key: 'risk', label: '风险评估', hint: '可能对社会稳定、公共安全等造成不利影响的应当评估（条例第二十二条）' },
];

/** 登记决策 — the draft, its catalogue item and which steps it requires (the reason where one does not apply). */
export function NewDecisionModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm();
  const year = Form.useWatch('year', form) ?? dayjs().year();
  const catalogue = useApi<CatalogueItem[]>(`/api/decisions/catalogue?year=${year}`);
  const watched = {
    participation: Form.useWatch('participationRequired', form),
    expert: Form.useWatch('expertRequired', form),
    risk: Form.useWatch('riskRequired', form),
  };
  const register = (v: Record<string, unknown>) => {
    const item = (catalogue.data ?? []).find((i) => i.id === v.catalogueItemId);
    const body: Record<string, unknown> = {
      year: v.year,
      title: v.title,
      catalogueItemId: v.catalogueItemId ?? null,
      orgId: item?.orgId ?? null,
      summary: (v.summary as string | undefined)?.trim() || null,
      leader: (v.leader as string | undefined)?.trim() || null,
      handler: (v.handler as string | undefined)?.trim() || null,
    };
    for (const s of OPTIONAL) {
      body[`${s.key}Required`] = v[`${s.key}Required`] !== false;
      body[`${s.key}NaReason`] = v[`${s.key}Required`] === false ? v[`${s.key}NaReason`] : null;
    }
    return decisionsApi.register(body);
  };
  return (
    <FormModal<Decision>
      title="登记重大行政决策"
      okText="登记"
      width={640}
      form={form}
      testId="decision-form"
      initialValues={{ year: dayjs().year(), participationRequired: true, expertRequired: true, riskRequired: true }}
      onSubmit={register}
      onDone={onCreated}
      onClose={onClose}
    >
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={2000} max={2100} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="catalogueItemId" label="目录事项" extra="年度重大行政决策事项目录中的事项；承办单位随目录事项">
        <Select
          allowClear
          loading={catalogue.loading}
          data-testid="decision-catalogue"
          onChange={(id) => {
            const item = (catalogue.data ?? []).find((i) => i.id === id);
            if (item && !form.getFieldValue('title')) form.setFieldValue('title', item.title);
          }}
          options={(catalogue.data ?? []).map((i) => ({ value: i.id, label: `${i.seq}. ${i.title}（${i.orgName ?? ''}）` }))}
        />
      </Form.Item>
      <Form.Item name="title" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}>
        <Input maxLength={300} data-testid="decision-title" />
      </Form.Item>
      <Form.Item name="summary" label="决策内容摘要">
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="leader" label="分管领导">
        <Input maxLength={50} data-testid="decision-leader" />
      </Form.Item>
      <Form.Item name="handler" label="承办人">
        <Input maxLength={50} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        合法性审查、集体讨论决定是每项决策的必经程序；以下程序按决策事项判断，不适用的须写明理由。
      </Typography.Paragraph>
      {OPTIONAL.map((s) => (
        <div key={s.key}>
          <Form.Item name={`${s.key}Required`} label={`${s.label}`} extra={s.hint}>
            <Radio.Group
              data-testid={`decision-${s.key}-required`}
              options={[
                { value: true, label: '需要' },
                { value: false, label: '不适用' },
              ]}
            />
          </Form.Item>
          {watched[s.key] === false ? (
            <Form.Item name={`${s.key}NaReason`} label={`${s.label}不适用理由`} rules={[{ required: true, message: `请写明${s.label}不适用的理由` }]}>
              <Input.TextArea rows={2} data-testid={`decision-${s.key}-reason`} />
            </Form.Item>
          ) : null}
        </div>
      ))}
    </FormModal>
  );
}
