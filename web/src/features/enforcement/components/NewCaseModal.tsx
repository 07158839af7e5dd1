import { useEffect } from 'react';
import { Checkbox, DatePicker, Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useMe } from '../../../api/session';
import { FormModal } from '../../../components/FormModal';
import type { CaseDetail } from '../api';
import { useItems, useMeta, useOfficers, useOrgList } from '../hooks/useEnforcement';
import { ViolationFields, violationBody, type ViolationValues } from './ViolationFields';

interface Props {
  onClose(): void;
  /** Filing from a clue: its id and what it already says. */
  clue?: {
    id: string;
    orgId: string;
    source: string;
    sourceRef: string | null;
    partyName: string | null;
    summary: string;
    partyAddress?: string | null;
    violationOn?: string | null;
    violationEndedOn?: string | null;
    limitationSerious?: boolean;
  };
}

interface Values extends ViolationValues {
  orgId: string;
  itemId?: string;
  cause: string;
  partyType: string;
  partyName: string;
  partyIdNo?: string;
  filedOn: Dayjs;
  officerIds: string[];
  major?: boolean;
  source?: string;
  sourceRef?: string;
}

/** 立案 — the registration form; the server checks officers (≥ 2 certified), the item and the party's identifier. */
export function NewCaseModal({ onClose, clue }: Props) {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const orgs = useOrgList();
  const items = useItems();
  const meta = useMeta();
  const orgId = Form.useWatch('orgId', form);
  const officers = useOfficers(orgId);
  const orgKind = orgs.data?.find((o) => o.id === orgId)?.kind;
  const defaultOrg = clue?.orgId ?? (me.org?.kind === 'street' ? me.org.id : orgs.data?.find((o) => o.name === '水政监察大队')?.id);
  // The bureau's default unit is known once the units have loaded: it is taken then, unless a unit was chosen.
  useEffect(() => {
    if (defaultOrg && !form.getFieldValue('orgId')) form.setFieldValue('orgId', defaultOrg);
  }, [defaultOrg, form]);

  // The values come with the dates as YYYY-MM-DD (FormModal); violationBody trims the address and reads the 5-year case.
  const file = (v: Record<string, unknown>) => {
    const { violationOn, violationEndedOn, ...rest } = v as Omit<Values, 'filedOn' | 'violationOn' | 'violationEndedOn'> & {
      filedOn: string;
      violationOn?: string | null;
      violationEndedOn?: string | null;
    };
    return api.post<CaseDetail>('/api/enforcement/cases', {
      ...rest,
      ...violationBody(rest),
      violationOn: violationOn ?? null,
      violationEndedOn: violationEndedOn ?? null,
      clueId: clue?.id ?? null,
      partyIdNo: rest.partyIdNo || null,
      itemId: rest.itemId ?? null,
    });
  };

  return (
    <FormModal<CaseDetail>
      title={clue ? '线索立案' : '立案'}
      okText="立案"
      width={720}
      form={form}
      testId="file-case-form"
      initialValues={{
        filedOn: dayjs(),
        partyType: '法人',
        orgId: defaultOrg,
        source: clue?.source,
        sourceRef: clue?.sourceRef ?? undefined,
        partyName: clue?.partyName ?? undefined,
        cause: clue?.summary,
        partyAddress: clue?.partyAddress ?? undefined,
        violationOn: clue?.violationOn ? dayjs(clue.violationOn) : undefined,
        violationEndedOn: clue?.violationEndedOn ? dayjs(clue.violationEndedOn) : undefined,
        limitationSerious: clue?.limitationSerious ?? false,
      }}
      onSubmit={file}
      onDone={(c) => {
        onClose();
        navigate(`/enforcement/cases/${c.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="orgId" label="办案单位" rules={[{ required: true, message: '请选择办案单位' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(orgs.data ?? []).filter((o) => o.kind !== 'bureau').map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="itemId" label="违法事项（执法事项目录）" extra={orgKind === 'street' ? '街道只能查处下放街道的事项' : undefined}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(items.data ?? []).filter((i) => orgKind !== 'street' || i.delegated).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
        />
      </Form.Item>
      <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请填写案由' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="当事人" required style={{ marginBottom: 0 }}>
        <Form.Item name="partyType" style={{ display: 'inline-block', width: 140, marginRight: 8 }}>
          <Select options={['自然人', '法人', '其他组织'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="partyName" rules={[{ required: true, message: '请填写当事人名称' }]} style={{ display: 'inline-block', width: 'calc(100% - 148px)' }}>
          <Input placeholder="姓名或单位名称" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="partyIdNo" label="证件号码（居民身份证号或统一社会信用代码）">
        <Input maxLength={18} />
      </Form.Item>
      {/* From a clue the clue's dates are offered (the clue may not have them); filed directly, the violation date is asked for. */}
      <ViolationFields override required={!clue} />
      <Form.Item name="officerIds" label="承办人（至少两名持有效执法证的执法人员）" rules={[{ required: true, message: '请选择承办人' }]}>
        <Select
          mode="multiple"
          options={(officers.data ?? []).map((o) => ({
            value: o.id,
            label: `${o.name}（${o.certNo ?? '无证'}）`,
            disabled: o.certStatus === 'expired' || o.certStatus === 'none',
          }))}
        />
      </Form.Item>
      <Form.Item name="filedOn" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}>
        <DatePicker />
      </Form.Item>
      {!clue ? (
        <Form.Item name="source" label="案件来源">
          <Select allowClear options={(meta.data?.sources ?? []).map((s) => ({ value: s, label: s }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="major" valuePropName="checked">
        <Checkbox>重大案件（须法制审核和集体讨论）</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
