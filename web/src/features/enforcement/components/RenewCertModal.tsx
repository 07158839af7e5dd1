import { DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import type { Officer } from '../api';

interface Props {
  officer: Officer;
  onClose(): void;
  onDone(): void;
}

/** 换证 — records a renewed enforcement certificate: new number, issue date and validity (audited on the officer). */
export function RenewCertModal({ officer, onClose, onDone }: Props) {
  // The values come with the dates as YYYY-MM-DD (FormModal).
  const renew = (v: Record<string, unknown>) =>
    api.patch(`/api/enforcement/officers/${officer.id}`, {
      version: officer.version,
      orgId: officer.orgId,
      name: officer.name,
      examScore: officer.examScore,
      active: officer.active,
      certNo: (v.certNo as string).trim(),
      certIssuedOn: v.certIssuedOn,
      certValidUntil: v.certValidUntil,
    });
  return (
    <FormModal
      title={`换证：${officer.name}`}
      width={520}
      initialValues={{ certNo: officer.certNo ?? '', certIssuedOn: dayjs(), certValidUntil: dayjs().add(5, 'year') }}
      onSubmit={renew}
      onDone={() => onDone()}
      onClose={onClose}
    >
      <Form.Item name="certNo" label="新执法证号" rules={[{ required: true, message: '请填写执法证号' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="certIssuedOn" label="发证日期" rules={[{ required: true, message: '请选择发证日期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="certValidUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
