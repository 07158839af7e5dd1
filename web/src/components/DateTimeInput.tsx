import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** How a time is shown, then the other ways a clerk types one (all accepted). */
const FORMATS = ['YYYY-MM-DD HH:mm', 'YYYY/M/D H:mm', 'YYYY-M-D H:mm', 'YYYY年M月D日 H:mm', 'YYYY-MM-DD', 'YYYY/M/D'];

interface Props {
  value?: Dayjs | null;
  onChange?: (v: Dayjs | null) => void;
  id?: string;
  placeholder?: string;
}

/**
 * A date and time (to the minute) as the forms take it: picked, or typed as 2022-03-01 09:30, 2022/3/1 9:30
 * or 2022年3月1日 9:30; committed by Enter or on leaving the field, without an OK button (Enter does not
 * submit the form). The form sends it with `instantText`.
 */
export function DateTimeInput({ value, onChange, id, placeholder }: Props) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format={FORMATS}
      needConfirm={false}
      // Enter commits the typed time; it must not also submit the form the picker is in.
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? '选择或输入时间'}
      style={{ width: '100%' }}
    />
  );
}

/** A picked time as the API takes it (Beijing time, to the minute); an empty field stays empty. */
export function instantText(v: unknown): string | undefined {
  return dayjs.isDayjs(v) ? v.format('YYYY-MM-DD HH:mm') : typeof v === 'string' && v ? v : undefined;
}
