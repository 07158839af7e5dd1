import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, upload } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { CIRCUMSTANCE_LABELS, type CaseAction, type CaseDetail, type Meta } from '../api';
import { DiscretionCalculator } from './DiscretionCalculator';
import { formatYuan } from '../../../lib/format';

interface Props {
  action: CaseAction;
  kase: CaseDetail;
  meta: Meta | undefined;
  onClose(): void;
  onDone(c: CaseDetail): void;
  /** The case changed under the form (409): read it again (the dialog closes). */
  onStale(): void;
}

const DATE_LABEL: Record<string, string> = {
  notify: '告知书送达日期',
  request_hearing: '听证申请日期',
  schedule_hearing: '听证通知送达日期',
  record_hearing: '听证举行日期',
  pass_review: '审核日期',
  reject_review: '审核日期',
  record_discussion: '讨论日期',
  decide: '决定日期',
  submit_decision: '呈报日期',
  return_decision: '退回日期',
  summary_decide: '决定日期',
  serve: '送达日期',
  publish: '公示日期',
  execute: '执行完毕日期',
  close: '结案日期',
  archive: '归档日期',
  revoke: '撤销日期',
  dismiss: '撤案日期',
  approve_extension: '批准日期',
  add_evidence: '登记日期',
  waive_rights: '放弃日期',
  record_statement: '记录日期',
  submit_review: '提交日期',
  propose: '拟定日期',
};

/** 送达方式 (行政处罚法第六十一条; the server's list in service.ts). */
const SERVICE_METHODS = ['当场交付', '直接送达', '留置送达', '邮寄送达', '公告送达', '电子送达'];

/** One workflow event: the fields it needs, sent to the server, which checks the gates and answers with the case. */
export function ActionModal({ action, kase, meta, onClose, onDone, onStale }: Props) {
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const ev = action.event;
  const kinds = meta?.penaltyKinds ?? [];
  const levels = kase.item?.discretion ?? [];
  const watched = Form.useWatch([], form) as Record<string, unknown> | undefined;

  // The values come with the dates as YYYY-MM-DD (FormModal); a chosen file is uploaded first and the event names it.
  const send = async (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = { version: kase.version, ...v };
    if (ev === 'pass_review' || ev === 'reject_review') body.checklist = Object.fromEntries(((v.checklist as string[]) ?? []).map((k) => [k, true]));
    if (ev === 'add_evidence' && file) {
      const a = await upload<{ id: string }>('/api/attachments', file, { fields: { entity: 'enforcement.case', entityId: kase.id } });
      body.attachmentId = a.id;
    }
    return api.post<CaseDetail>(`/api/enforcement/cases/${kase.id}/events/${ev}`, body);
  };

  const initial: Record<string, unknown> = { on: dayjs() };
  if (ev === 'submit_decision' || ev === 'decide')
    Object.assign(initial, { basis: kase.decisionBasis ?? kase.item?.penaltyBasis ?? '', facts: kase.decisionFacts ?? '' });
  if (ev === 'decide') Object.assign(initial, { capacity: 'head' });
  if (ev === 'serve') Object.assign(initial, { method: '直接送达' });
  if (ev === 'propose')
    Object.assign(initial, {
      kinds: kase.proposedKinds.length ? kase.proposedKinds : ['罚款'],
      fineYuan: kase.proposedFineYuan ?? undefined,
      circumstance: kase.circumstance ?? undefined,
      major: kase.major,
      baseYuan: kase.discretionBaseYuan ?? undefined,
    });
  if (ev === 'summary_decide') Object.assign(initial, { kinds: ['警告'], basis: kase.item?.penaltyBasis ?? '' });
  if (ev === 'add_evidence') Object.assign(initial, { kind: 'photo', collectedOn: dayjs() });
  if (ev === 'approve_extension') Object.assign(initial, { days: 30 });
  if (ev === 'pass_review') Object.assign(initial, { checklist: (meta?.reviewChecklist ?? []).map((c) => c.key), opinion: '同意' });
  if (ev === 'execute') Object.assign(initial, { paidOn: dayjs() });

  return (
    <FormModal<CaseDetail>
      title={action.label}
      okText="确定"
      width={ev === 'propose' ? 760 : 560}
      form={form}
      testId="case-event-form"
      initialValues={initial}
      onSubmit={send}
      onDone={onDone}
      onClose={onClose}
      onStale={onStale}
    >
      {ev === 'add_evidence' ? (
        <>
          <Form.Item name="kind" label="证据种类" rules={[{ required: true }]}>
            <Select options={Object.entries(meta?.evidenceKinds ?? {}).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="证据名称" rules={[{ required: true, message: '请填写证据名称' }]}>
            <Input placeholder="如：现场照片、现场检查笔录、询问笔录" />
          </Form.Item>
          <Form.Item name="collectedOn" label="取证日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="附件（照片、笔录扫描件等）">
            <Upload
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              maxCount={1}
              onRemove={() => setFile(null)}
            >
              <span>
                <UploadOutlined /> 选择文件
              </span>
            </Upload>
          </Form.Item>
        </>
      ) : null}
      {ev === 'propose' || ev === 'summary_decide' ? (
        <>
          <Form.Item name="kinds" label="处罚种类（行政处罚法第九条）" rules={[{ required: true, message: '请选择处罚种类' }]}>
            <Select mode="multiple" options={kinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="fineYuan" label="罚款金额（元）">
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          {ev === 'propose' ? (
            <>
              <Form.Item name="confiscationYuan" label="没收金额（元）">
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              {levels.length ? (
                <Form.Item name="circumstance" label="违法情节（裁量等级）" rules={[{ required: true, message: '请选择违法情节' }]}>
                  <Select options={levels.map((l) => ({ value: l.level, label: `${l.label}：${l.rangeText}${l.waiver ? '（首违可不罚）' : ''}` }))} />
                </Form.Item>
              ) : null}
              {levels.some((l) => l.basis) ? (
                <Form.Item name="baseYuan" label="违法所得或货值金额（元）" extra="裁量基准按违法所得或货值金额的倍数计罚时，据此核对罚款金额">
                  <InputNumber min={0} precision={2} style={{ width: 200 }} />
                </Form.Item>
              ) : null}
              <Form.Item name="firstViolation" valuePropName="checked">
                <Checkbox>首次违法</Checkbox>
              </Form.Item>
              <Form.Item name="major" valuePropName="checked">
                <Checkbox>重大案件</Checkbox>
              </Form.Item>
              {kase.item ? (
                <DiscretionCalculator
                  item={kase.item}
                  level={(watched?.circumstance as string) ?? null}
                  fineYuan={Number(watched?.fineYuan ?? 0)}
                  firstViolation={!!watched?.firstViolation}
                  kinds={(watched?.kinds as string[]) ?? []}
                />
              ) : null}
            </>
          ) : (
            <>
              <Form.Item name="facts" label="违法事实" rules={[{ required: true, message: '请填写违法事实' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="basis" label="处罚依据" rules={[{ required: true, message: '请填写处罚依据' }]}>
                <Input />
              </Form.Item>
            </>
          )}
        </>
      ) : null}
      {ev === 'submit_decision' || ev === 'decide' ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`处罚：${kase.proposedKinds.join('、') || '—'}${kase.proposedFineYuan ? `，罚款${formatYuan(kase.proposedFineYuan)}` : ''}${kase.proposedConfiscationYuan ? `，没收${formatYuan(kase.proposedConfiscationYuan)}` : ''}（按告知的拟处罚意见；情节：${CIRCUMSTANCE_LABELS[kase.circumstance ?? ''] ?? '—'}）`}
          />
          <Form.Item name="facts" label="违法事实和证据" rules={[{ required: true, message: '请填写违法事实和证据' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="basis" label="处罚依据" rules={[{ required: true, message: '请填写处罚依据' }]}>
            <Input />
          </Form.Item>
          {ev === 'decide' ? (
            <>
              <Form.Item name="decisionNo" label="决定文书号（留空自动编号）">
                <Input />
              </Form.Item>
              {kase.orgKind === 'street' ? (
                <Form.Item name="approver" label="审批决定的街道办事处负责人" rules={[{ required: true, message: '请填写审批决定的负责人姓名' }]}>
                  <Input />
                </Form.Item>
              ) : null}
              <Form.Item name="capacity" label="审批身份（行政处罚法第五十七条）" rules={[{ required: true }]}>
                <Select
                  options={[
                    { value: 'head', label: '行政机关负责人' },
                    { value: 'deputy', label: '受委托的副职负责人' },
                  ]}
                />
              </Form.Item>
              {watched?.capacity === 'deputy' ? (
                <Form.Item name="delegation" label="委托（授权）依据" rules={[{ required: true, message: '请填写负责人的委托书或授权文件' }]}>
                  <Input placeholder="如：局长委托书（2023年第1号）" />
                </Form.Item>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
      {ev === 'return_decision' ? (
        <Form.Item name="opinion" label="退回意见" rules={[{ required: true, message: '请填写退回意见' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
      {ev === 'serve' ? (
        <>
          <Form.Item name="method" label="送达方式（行政处罚法第六十一条）" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          {watched?.method === '电子送达' ? (
            <Form.Item
              name="consentOn"
              label="当事人同意电子送达的确认书签订日期（第六十一条第二款）"
              rules={[{ required: true, message: '请选择确认书签订日期' }]}
            >
              <DatePicker />
            </Form.Item>
          ) : null}
          {watched?.method === '公告送达' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="自发出公告之日起经过三十日视为送达（民事诉讼法第九十五条），缴款期限自视为送达之日起算"
            />
          ) : null}
        </>
      ) : null}
      {ev === 'approve_extension' ? (
        <>
          <Form.Item name="days" label="延长天数（默认30日，依据待核实，可调整）" rules={[{ required: true }]}>
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Form.Item name="reason" label="延长理由" rules={[{ required: true, message: '请填写延长理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {ev === 'record_statement' ? (
        <Form.Item name="statement" label="陈述申辩内容" rules={[{ required: true, message: '请填写陈述申辩内容' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      {ev === 'waive_rights' ? (
        <Form.Item name="note" label="说明">
          <Input placeholder="当事人书面表示放弃陈述、申辩和听证" />
        </Form.Item>
      ) : null}
      {ev === 'schedule_hearing' ? (
        <Form.Item name="hearingOn" label="听证日期（通知后第7个工作日或以后）" rules={[{ required: true, message: '请选择听证日期' }]}>
          <DatePicker />
        </Form.Item>
      ) : null}
      {ev === 'record_hearing' ? (
        <Form.Item name="record" label="听证笔录摘要" rules={[{ required: true, message: '请填写听证笔录摘要' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      {ev === 'pass_review' || ev === 'reject_review' ? (
        <>
          <Form.Item name="checklist" label="审核要点（符合的勾选）">
            <Checkbox.Group options={(meta?.reviewChecklist ?? []).map((c) => ({ value: c.key, label: c.label }))} style={{ display: 'grid', gap: 4 }} />
          </Form.Item>
          <Form.Item
            name="opinion"
            label={ev === 'pass_review' ? '审核意见' : '存在的问题'}
            rules={ev === 'reject_review' ? [{ required: true, message: '请写明存在的问题' }] : []}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {ev === 'record_discussion' ? (
        <Form.Item name="minutes" label="集体讨论纪要" rules={[{ required: true, message: '请填写集体讨论纪要' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      {ev === 'execute' && kase.fineYuan + kase.confiscationYuan > 0 ? (
        <Form.Item name="paidOn" label="缴款日期（逾期按日加处3%，不超过罚款数额）" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      ) : null}
      {ev === 'revoke' || ev === 'dismiss' ? (
        <Form.Item name="reason" label={ev === 'revoke' ? '变更或撤销理由' : '撤销案件理由'} rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="on"
        label={ev === 'serve' && watched?.method === '公告送达' ? '公告发出日期' : (DATE_LABEL[ev] ?? '日期')}
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
