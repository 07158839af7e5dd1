import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from '../../../components/FormModal';
import { systemApi, type CalendarOverride, type OverrideResult } from '../api';

interface Props {
  initial: Partial<CalendarOverride>;
  /** The date already has an override (editing: the date is fixed). */
  exists: boolean;
  onClose: () => void;
  onSaved: (date: string, r: OverrideResult) => void;
}

/** The form's values as sent (the date already YYYY-MM-DD). */
interface Values {
  date: string;
  kind: CalendarOverride['kind'];
  name?: string;
  note?: string;
}

/** 新增 / 编辑调整 — make a day a holiday (放假) or a working day (上班, e.g. a make-up Saturday). */
export function OverrideFormModal({ initial, exists, onClose, onSaved }: Props) {
  const save = async (values: Record<string, unknown>) => {
    const v = values as unknown as Values;
    const r = await systemApi.setOverride(v.date, { kind: v.kind, name: v.name?.trim() || null, note: v.note?.trim() || null });
    return { date: v.date, r };
  };

  return (
    <FormModal
      title={exists ? `编辑调整 · ${initial.date}` : '新增节假日调整'}
      okText="保存并重算期限"
      width={520}
      onClose={onClose}
      onSubmit={save}
      onDone={({ date, r }) => onSaved(date, r)}
      initialValues={{
        date: initial.date ? dayjs(initial.date) : undefined,
        kind: initial.kind ?? 'holiday',
        name: initial.name ?? '',
        note: initial.note ?? '',
      }}
    >
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabled={exists} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="kind" label="该日" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'holiday', label: '放假（不计入工作日）' },
            { value: 'workday', label: '上班（如调休上班的周六、周日）' },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label="名称" extra="如：春节、国庆节">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="note" label="备注" extra="如：依据国务院办公厅关于某年部分节假日安排的通知">
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
