import { useState } from 'react';
import { Col, Row } from 'antd';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import type { CalendarOverride, OverrideResult } from '../api';
import { useCalendarOverrides } from '../hooks/useCalendarOverrides';
import { MonthCalendar } from './MonthCalendar';
import { OverrideTable } from './OverrideTable';
import { OverrideFormModal } from './OverrideFormModal';
import { OverrideResultModal } from './OverrideResultModal';
import { DeadlineTrialPanel } from './DeadlineTrialPanel';

/** 工作日历 — the month view with holidays and make-up days, the override table, and 期限试算. */
export function CalendarPage() {
  const manage = useCan()('system.calendar.manage');
  const overrides = useCalendarOverrides();
  const [editing, setEditing] = useState<Partial<CalendarOverride> | null>(null);
  const [result, setResult] = useState<{ title: string; r: OverrideResult } | null>(null);
  const [version, setVersion] = useState(0);

  const changed = (title: string, r: OverrideResult) => {
    overrides.reload();
    setVersion((v) => v + 1);
    setResult({ title, r });
  };

  return (
    <>
      <PageTitle title="工作日历" description="法定节假日与调休按国务院办公厅通知；本表可补录或更正，保存后自动重算受影响的期限。" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={14}>
          <MonthCalendar overrides={overrides.data ?? []} refreshKey={version} onPick={manage ? (o) => setEditing(o) : undefined} />
        </Col>
        <Col xs={24} xxl={10}>
          <DeadlineTrialPanel refreshKey={version} />
        </Col>
        <Col span={24}>
          <OverrideTable
            overrides={overrides.data ?? []}
            loading={overrides.loading}
            error={overrides.error}
            onReload={overrides.reload}
            manage={manage}
            onEdit={(o) => setEditing(o)}
            onDeleted={(date, r) => changed(`已删除 ${date} 的调整`, r)}
          />
        </Col>
      </Row>
      {editing ? (
        <OverrideFormModal
          initial={editing}
          exists={!!editing.date && (overrides.data ?? []).some((o) => o.date === editing.date)}
          onClose={() => setEditing(null)}
          onSaved={(date, r) => {
            setEditing(null);
            changed(`已保存 ${date} 的调整`, r);
          }}
        />
      ) : null}
      {result ? <OverrideResultModal title={result.title} result={result.r} onClose={() => setResult(null)} /> : null}
    </>
  );
}
