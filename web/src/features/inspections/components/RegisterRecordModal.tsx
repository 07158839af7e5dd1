import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { FormModal } from '../../../components/FormModal';
import type { InspectionRecord, RecordOptions } from '../api';

interface Props {
  onClose(): void;
  onDone(r: InspectionRecord): void;
}

/** 登记行政检查 — entity (of the register or new), kind, legal basis, ≥ 2 certified officers, findings and follow-up. */
export function RegisterRecordModal({ onClose, onDone }: Props) {
  const opts = useApi<RecordOptions>('/api/inspections/records/options');
  const entities = useApi<Array<{ id: string; name: string; uscc: string | null }>>('/api/inspections/entities');
  const o = opts.data;
  return (
    <FormModal<InspectionRecord>
      title="登记行政检查"
      width={720}
      initialValues={{ inspectedOn: dayjs(), kind: '专项', followUp: '无问题', entityMode: 'register' }}
      onSubmit={({ entityMode, basisRef, ...v }) => {
        const [src, id] = String(basisRef ?? ':').split(':');
        const body = { ...v, itemId: src === 'item' ? id : undefined, catalogueId: src === 'cat' ? id : undefined };
        if (entityMode === 'register') Object.assign(body, { entityName: undefined, entityUscc: undefined });
        else Object.assign(body, { entityId: undefined });
        return api.post<InspectionRecord>('/api/inspections/records', body);
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="检查类别" rules={[{ required: true }]}>
            <Select options={(o?.kinds ?? []).map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="entityMode" label="检查对象">
            <Radio.Group
              options={[
                { value: 'register', label: '从检查对象名录选择' },
                { value: 'new', label: '新检查对象' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.entityMode !== b.entityMode}>
            {() =>
              form.getFieldValue('entityMode') === 'new' ? (
                <>
                  <Form.Item name="entityName" label="名称" rules={[{ required: true, message: '请填写检查对象名称' }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="entityUscc" label="统一社会信用代码" extra="企业填写18位代码，系统校验校验位">
                    <Input maxLength={18} />
                  </Form.Item>
                </>
              ) : (
                <Form.Item name="entityId" label="检查对象名录" rules={[{ required: true, message: '请选择检查对象' }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={(entities.data ?? []).map((e) => ({ value: e.id, label: e.uscc ? `${e.name}（${e.uscc}）` : e.name }))}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="basisRef" label="检查依据" rules={[{ required: true, message: '请选择检查依据' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={[
                { label: '随机抽查事项清单', options: (o?.items ?? []).map((i) => ({ value: `item:${i.id}`, label: i.name })) },
                { label: '执法事项目录', options: (o?.catalogue ?? []).map((i) => ({ value: `cat:${i.id}`, label: `${i.code} ${i.name}` })) },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="officerIds"
            label="检查人员"
            extra="至少2名持有效执法证件的执法人员（行政处罚法第四十二条）"
            rules={[{ required: true, message: '请选择检查人员' }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={(o?.officers ?? []).map((x) => ({
                value: x.id,
                label: `${x.name}（${x.orgName}${x.certNo ? `，证号${x.certNo}，有效期至${x.certValidUntil ?? '—'}` : '，无执法证'}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="offPlanReason" label="计划外检查理由" extra="不在本单位年度检查计划内的入企检查（双随机除外）必填">
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="findings" label="检查情况">
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="followUp" label="处理结果" extra="移送线索或立案的，登记后在检查记录中关联线索或案件">
            <Select options={['无问题', '责令整改'].map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.followUp !== b.followUp}>
            {() =>
              form.getFieldValue('followUp') === '责令整改' ? (
                <Form.Item name="rectifyDueOn" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
                  <DatePicker />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          {o ? <Alert type="info" showIcon title={o.rules.map((r) => r.rule).join('；')} style={{ fontSize: 12 }} /> : null}
        </>
      )}
    </FormModal>
  );
}
