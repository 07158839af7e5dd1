import { Checkbox, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';

/** The form values of {@link ViolationFields}. */
export interface ViolationValues {
  partyAddress?: string;
  violationOn?: Dayjs | null;
  violationEndedOn?: Dayjs | null;
  limitationSerious?: boolean;
  limitationOverride?: string;
}

/** The body fields of the violation's dates and the party's address, as the API takes them (dates 'YYYY-MM-DD'). */
export function violationBody(v: ViolationValues) {
  return {
    partyAddress: v.partyAddress?.trim() || null,
    violationOn: v.violationOn ? v.violationOn.format('YYYY-MM-DD') : null,
    violationEndedOn: v.violationEndedOn ? v.violationEndedOn.format('YYYY-MM-DD') : null,
    limitationSerious: !!v.limitationSerious,
    ...(v.limitationOverride === undefined ? {} : { limitationOverride: v.limitationOverride.trim() || null }),
  };
}

/**
 * 当事人住所（地址）(行政处罚法第五十九条) and 追责时效 (第三十六条): when the violation happened, when a continuing one
 * ended, the 5-year case; on 立案 also the legal ground for filing past the period. The server decides.
 */
export function ViolationFields({ override, required }: { override?: boolean; required?: boolean }) {
  return (
    <>
      <Form.Item name="partyAddress" label="当事人住所（地址）" extra="印入行政处罚决定书（行政处罚法第五十九条）">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="违法行为" required={required} style={{ marginBottom: 0 }}>
        <Form.Item
          name="violationOn"
          rules={required ? [{ required: true, message: '请填写违法行为发生日期（用于判断追责时效）' }] : []}
          style={{ display: 'inline-block', width: 200, marginRight: 8 }}
        >
          <DatePicker placeholder="发生日期" />
        </Form.Item>
        <Form.Item name="violationEndedOn" style={{ display: 'inline-block', width: 200 }} extra="连续或继续状态的终了日期；发现时仍在持续的，填发现之日">
          <DatePicker placeholder="终了日期" />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="limitationSerious"
        valuePropName="checked"
        extra="追责时效一般为二年；涉及公民生命健康安全、金融安全且有危害后果的为五年（行政处罚法第三十六条）"
      >
        <Checkbox>涉及公民生命健康安全、金融安全且有危害后果</Checkbox>
      </Form.Item>
      {override ? (
        <Form.Item
          name="limitationOverride"
          label="超过追责时效仍立案的法律依据（仅限法律另有规定的）"
          extra="发现之日已超过追责时效的，须填写法律另有规定的条款，否则不予立案；填写内容记入审计日志"
        >
          <Input maxLength={500} />
        </Form.Item>
      ) : null}
    </>
  );
}
