import { useEffect, useState } from 'react';
import { Badge, Calendar, Card, Flex, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayShanghai } from '../../../lib/format';
import type { CalendarOverride } from '../api';
import { useMonthMarks } from '../hooks/useMonthMarks';
import { SelectedDayInfo } from './SelectedDayInfo';

interface Props {
  overrides: CalendarOverride[];
  /** Bumped after an override changes, to reload the marks. */
  refreshKey: number;
  /** Managers: a day was picked to add or edit its override. */
  onPick?: (o: Partial<CalendarOverride>) => void;
}

/** The month view: 休 on statutory holidays, 班 on make-up working days, a dot on days with an override. */
export function MonthCalendar({ overrides, refreshKey, onPick }: Props) {
  const [month, setMonth] = useState<Dayjs>(() => dayjs(todayShanghai()));
  const [selected, setSelected] = useState<string | null>(null);
  const { marks, error, reload } = useMonthMarks(month);
  const byDate = new Map(overrides.map((o) => [o.date, o]));

  useEffect(() => {
    if (refreshKey) reload();
  }, [refreshKey, reload]);

  return (
    <Card
      title="月历"
      extra={
        <Flex gap={12}>
          <Tag color="red">休 法定节假日</Tag>
          <Tag color="gold">班 调休上班</Tag>
          <Badge color="blue" text="本地调整" />
        </Flex>
      }
    >
      <ErrorAlert error={error} onRetry={reload} />
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d)}
        onSelect={(d, info) => {
          setMonth(d);
          if (info.source !== 'date') return;
          const date = d.format('YYYY-MM-DD');
          setSelected(date);
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const date = d.format('YYYY-MM-DD');
          const mark = marks.get(date);
          const own = byDate.get(date);
          return (
            <Flex vertical gap={2} data-date={date}>
              {mark ? (
                <Tag color={mark.kind === 'holiday' ? 'red' : 'gold'} style={{ marginInlineEnd: 0, width: 'fit-content' }}>
                  {mark.kind === 'holiday' ? '休' : '班'}
                  {mark.name ? ` ${mark.name}` : ''}
                </Tag>
              ) : null}
              {own ? <Badge color="blue" text={<Typography.Text style={{ fontSize: 12 }}>{own.name ?? '调整'}</Typography.Text>} /> : null}
            </Flex>
          );
        }}
      />
      {selected ? <SelectedDayInfo key={`${selected}:${refreshKey}`} date={selected} override={byDate.get(selected)} onEdit={onPick} /> : null}
    </Card>
  );
}
