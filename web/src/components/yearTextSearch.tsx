import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * The search form most record lists share: a year (全部年度 when empty) and a text box, as RecordList's
 * `searchFields` / `toForm` / `fromForm` (the URL keeps `year` and `q`; the text is trimmed, empty is absent).
 */
export function yearTextSearch(o: { yearLabel: string; placeholder: string }) {
  return {
    searchFields: (
      <>
        <Form.Item name="year" label={o.yearLabel}>
          <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
        </Form.Item>
        <Form.Item name="q" label="查找">
          <Input allowClear placeholder={o.placeholder} style={{ width: 240 }} />
        </Form.Item>
      </>
    ),
    toForm: (v: Record<string, string>) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null }),
    fromForm: (v: Record<string, unknown>) => ({
      q: (v.q as string | undefined)?.trim() || undefined,
      year: v.year ? String((v.year as Dayjs).year()) : undefined,
    }),
  };
}

/** A record list's text box alone (no year), as RecordList's `searchFields` / `fromForm`: the URL keeps `q`, trimmed, empty is absent. */
export function textSearch(o: { placeholder: string; width: number }) {
  return {
    searchFields: (
      <Form.Item name="q" label="查找">
        <Input allowClear placeholder={o.placeholder} style={{ width: o.width }} />
      </Form.Item>
    ),
    fromForm: (v: Record<string, unknown>) => ({ q: (v.q as string | undefined)?.trim() || undefined }),
  };
}
