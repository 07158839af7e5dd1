import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal';
import { ACT_KINDS, CLAIMANT_TYPES, KIND_LABELS, LINKABLE_ACT_KINDS, litigationApi, type ActRecord, type CaseKind, type LitCase } from '../api';

interface Props {
  onClose(): void;
  onCreated(c: LitCase): void;
}

type Values = {
  caseNo: string;
  kind: CaseKind;
  instance?: '一审' | '二审';
  claimantType: string;
  claimantName: string;
  claimantIdNo?: string;
  actKind: string;
  /** The linked record's id (its entity follows from the kind of act). */
  actRecordId?: string;
  actTitle: string;
  body: string;
  receivedOn: Dayjs;
  handler?: string;
  agent?: string;
};

/** 收案登记 — a copy of the application (complaint) received; the server starts the reply (defence) clock. */
export function NewCaseModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? '复议';
  const claimantType = Form.useWatch('claimantType', form);
  const actKind = Form.useWatch('actKind', form) ?? '行政处罚';
  const records = useActRecords(LINKABLE_ACT_KINDS.includes(actKind) ? actKind : null);
  // The record chosen (kept: a new search may no longer list it).
  const [chosen, setChosen] = useState<ActRecord | null>(null);
  const register = (v: Record<string, unknown>) => {
    const x = v as Omit<Values, 'receivedOn'> & { receivedOn: string };
    return litigationApi.register({
      caseNo: x.caseNo,
      kind: x.kind,
      instance: x.kind === '诉讼' ? (x.instance ?? '一审') : null,
      claimantType: x.claimantType,
      claimantName: x.claimantName,
      claimantIdNo: x.claimantType === '自然人' ? x.claimantIdNo?.trim() || null : null,
      actKind: x.actKind,
      ...linkOf(chosen, x.actRecordId),
      actTitle: x.actTitle,
      body: x.body,
      receivedOn: x.receivedOn,
      handler: x.handler?.trim() || null,
      agent: x.agent?.trim() || null,
    });
  };
  return (
    <FormModal<LitCase>
      title="收案登记"
      okText="登记"
      width={640}
      form={form}
      testId="new-case-form"
      initialValues={{ kind: '复议', instance: '一审', claimantType: '法人', actKind: '行政处罚', receivedOn: dayjs() }}
      onSubmit={register}
      onDone={onCreated}
      onClose={onClose}
    >
      <Form.Item name="kind" label="案件类别">
        <Radio.Group options={(['复议', '诉讼'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
      </Form.Item>
      {kind === '诉讼' ? (
        <Form.Item name="instance" label="审级">
          <Radio.Group options={['一审', '二审']} />
        </Form.Item>
      ) : null}
      <Form.Item name="caseNo" label="案号" rules={[{ required: true, message: '请填写案号' }]} extra="复议机关受理通知书或法院应诉通知书上的案号">
        <Input maxLength={100} data-testid="case-no" />
      </Form.Item>
      <Form.Item name="claimantType" label={kind === '复议' ? '申请人类型' : '原告类型'}>
        <Radio.Group options={[...CLAIMANT_TYPES]} />
      </Form.Item>
      <Form.Item name="claimantName" label={kind === '复议' ? '申请人' : '原告'} rules={[{ required: true, message: '请填写申请人（原告）' }]}>
        <Input maxLength={200} data-testid="claimant-name" />
      </Form.Item>
      {claimantType === '自然人' ? (
        <Form.Item name="claimantIdNo" label="身份证号码" extra="加密保存，列表中隐去">
          <Input maxLength={18} />
        </Form.Item>
      ) : null}
      <Form.Item name="actKind" label="被申请（被诉）行为类别">
        <Select
          options={ACT_KINDS.map((k) => ({ value: k, label: k }))}
          onChange={() => {
            form.setFieldValue('actRecordId', undefined);
            setChosen(null);
          }}
        />
      </Form.Item>
      {LINKABLE_ACT_KINDS.includes(actKind) ? (
        <Form.Item
          name="actRecordId"
          label="所涉记录"
          extra="按编号、当事人或事由查找本人数据范围内的记录；关联后案件页可直接查看该记录，整改时据此联动（如撤销的处罚决定撤下公示）"
        >
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: records.search }}
            loading={records.loading}
            placeholder={actKind === '行政处罚' ? '输入案件编号或当事人查找' : '输入编号或标题查找'}
            notFoundContent={records.loading ? '查找中…' : '未找到记录'}
            options={[...(chosen && !records.found.some((r) => r.id === chosen.id) ? [chosen] : []), ...records.found].map((r) => ({
              value: r.id,
              label: `${r.number}　${r.title}${r.date ? `（${r.date}）` : ''}`,
            }))}
            onChange={(id?: string) => {
              const r = records.found.find((x) => x.id === id) ?? null;
              setChosen(r);
              if (r && !form.getFieldValue('actTitle')) form.setFieldValue('actTitle', `${r.number}　${r.title}`);
            }}
            data-testid="act-record"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="actTitle"
        label="被申请（被诉）行为"
        rules={[{ required: true, message: '请填写被申请（被诉）行为' }]}
        extra="如：穗天水罚〔2024〕12号行政处罚决定"
      >
        <Input maxLength={500} data-testid="act-title" />
      </Form.Item>
      <Form.Item name="body" label={kind === '复议' ? '复议机关' : '审理法院'} rules={[{ required: true, message: '请填写复议机关（审理法院）' }]}>
        <Input maxLength={200} placeholder={kind === '复议' ? '广州市天河区人民政府' : '广州铁路运输法院'} data-testid="body" />
      </Form.Item>
      <Form.Item
        name="receivedOn"
        label={kind === '复议' ? '收到申请书副本日期' : '收到起诉状副本日期'}
        rules={[{ required: true, message: '请选择收到副本日期' }]}
        extra={kind === '复议' ? '答复期限：自收到之日起10个工作日（行政复议法第四十八条）' : '答辩举证期限：自收到之日起15日（行政诉讼法第六十七条）'}
      >
        <DatePicker data-testid="received-on" />
      </Form.Item>
      <Form.Item name="handler" label="承办人">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="agent" label="委托代理人">
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/** The link the form sends: the record chosen, or none. */
function linkOf(chosen: ActRecord | null, id: string | undefined): { actEntity: string | null; actRecordId: string | null } {
  return chosen && id === chosen.id ? { actEntity: chosen.entity, actRecordId: chosen.id } : { actEntity: null, actRecordId: null };
}

/** The records of a kind of act found for what was typed (an earlier answer arriving late is dropped). */
function useActRecords(actKind: string | null) {
  const [found, setFound] = useState<ActRecord[]>([]);
  const [loading, setLoading] = useState(false);
  // What was typed, for the kind it was typed for (another kind starts from its latest records).
  const [typed, setTyped] = useState<{ kind: string | null; q: string }>({ kind: null, q: '' });
  const q = typed.kind === actKind ? typed.q : '';
  useEffect(() => {
    if (!actKind) {
      setFound([]);
      return;
    }
    let live = true;
    setLoading(true);
    const t = setTimeout(
      () => {
        litigationApi
          .actRecords(actKind, q)
          .then((rows) => live && setFound(rows))
          .catch(() => live && setFound([]))
          .finally(() => live && setLoading(false));
      },
      q ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [actKind, q]);
  return { found, loading, search: (v: string) => setTyped({ kind: actKind, q: v.trim().slice(0, 50) }) };
}
