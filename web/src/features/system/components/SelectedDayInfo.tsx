import { Button, Descriptions, Skeleton } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { CalendarOverride, DayInfo } from '../api';
import { useDayInfo } from '../hooks/useDayInfo';
import { OVERRIDE_KIND_LABELS } from '../labels';

const KIND: Record<DayInfo['kind'], string> = { weekday: '工作日', weekend: '休息日（周末）', holiday: '法定节假日', makeup: '调休上班日' };
const SOURCE: Record<DayInfo['source'], string> = {
  'chinese-days': '国务院节假日安排',
  override: '本系统调整表',
  statute: '法定节假日（全国年节及纪念日放假办法第二条；当年安排未发布）',
  'weekday-rule': '周一至周五规则（当年安排未录入）',
};

/** What the server says about the picked day, and (for managers) a button to adjust it. */
export function SelectedDayInfo({ date, override, onEdit }: { date: string; override?: CalendarOverride; onEdit?: (o: Partial<CalendarOverride>) => void }) {
  const { data, error, loading } = useDayInfo(date);
  if (error) return <ErrorAlert error={error} />;
  if (loading || !data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      style={{ marginTop: 12 }}
      title={`${date}`}
      extra={
        onEdit ? (
          <Button size="small" onClick={() => onEdit(override ?? { date, kind: data.workday ? 'holiday' : 'workday' })}>
            {override ? '编辑调整' : '调整此日'}
          </Button>
        ) : null
      }
      items={[
        { key: 'kind', label: '类型', children: `${KIND[data.kind]}${data.name ? `（${data.name}）` : ''}` },
        { key: 'workday', label: '是否工作日', children: data.workday ? '是' : '否' },
        { key: 'source', label: '依据', children: SOURCE[data.source] ?? data.source },
        ...(override
          ? [
              {
                key: 'o',
                label: '本地调整',
                children: `${OVERRIDE_KIND_LABELS[override.kind]}${override.name ? ` · ${override.name}` : ''}${override.note ? ` · ${override.note}` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}
