import { LatestYearHint, useLatestYear } from '../../../components/useLatestYear';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Anchor, Badge, Card, Col, Row, Select, Skeleton, Typography } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import type { ComposedSection } from '../api';
import { useMetricUnits, useReport } from '../hooks/useReport';
import { ReportDownloads } from './ReportDownloads';
import { ReportSection, sectionAnchor } from './ReportSection';
import { ReportWarnings } from './ReportWarnings';
import styles from './report.module.css';

const FIRST_YEAR = 2018;

/** The year a report is usually written for: the one that just ended (reports are due by 1 March). */
export function defaultReportYear(): number {
  return Number(todayShanghai().slice(0, 4)) - 1;
}

/** `/reports/rule-of-law` → the report of last year. */
export function ReportIndexRedirect() {
  const latest = useLatestYear();
  if (latest.loading) return null;
  // Last year, unless it has no records yet: then the latest year that has.
  const last = defaultReportYear();
  const year = latest.year !== null && latest.year < last ? latest.year : last;
  return <Navigate to={`/reports/rule-of-law/${year}`} replace />;
}

/** Sentences with a figure the data cannot support, in a section and its sub-sections. */
function missingCount(s: ComposedSection): number {
  return s.sentences.filter((x) => x.missing).length + s.children.reduce((n, c) => n + missingCount(c), 0);
}

type AnchorItem = { key: string; href: string; title: React.ReactNode; children?: AnchorItem[] };
function outline(sections: ComposedSection[]): AnchorItem[] {
  return sections.map((s) => {
    const missing = missingCount(s);
    return {
      key: s.key,
      href: `#${sectionAnchor(s.key)}`,
      title: (
        <span title={`${s.number}${s.title}`}>
          {s.number}
          {s.title}
          {missing ? <Badge count={missing} size="small" color="orange" style={{ marginInlineStart: 4 }} title={`${missing} 句待核实`} /> : null}
        </span>
      ),
      children: s.children.length ? outline(s.children) : undefined,
    };
  });
}

/**
 * 年度报告 — the annual rule-of-law report of a year as an outline: the bureau's
 * narrative per section (editable, versioned), the sentences generated from the
 * records with each figure linked to its records, the figures to verify, and the
 * Word / HTML / PDF files.
 */
export function ReportPage() {
  const params = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const canEdit = can('reports.edit');
  const year = Number(params.year);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const { data, error, loading, reload } = useReport(valid ? year : defaultReportYear());
  const latest = useLatestYear();
  const needUnits =
    !!data &&
    data.sections.some(function lacks(s): boolean {
      return s.sentences.some((x) => x.segments.some((g) => 'figure' in g && !g.figure.format)) || s.children.some(lacks);
    });
  const units = useMetricUnits(year, needUnits);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const onDirtyChange = useCallback((section: string, d: boolean) => {
    setDirty((prev) => {
      if (prev.has(section) === d) return prev;
      const next = new Set(prev);
      if (d) next.add(section);
      else next.delete(section);
      return next;
    });
  }, []);

  // Leaving the page (closing the tab) with unsaved text asks first.
  useEffect(() => {
    if (!dirty.size) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty.size]);

  const years = useMemo(() => {
    const last = Number(todayShanghai().slice(0, 4));
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  }, []);

  if (!valid) return <Navigate to={`/reports/rule-of-law/${defaultReportYear()}`} replace />;

  return (
    <>
      <PageTitle
        title="法治政府建设年度报告"
        description={
          canEdit
            ? '叙述由本局撰写，每次保存留存版本；数字句由业务记录生成，点击数字查看其背后的记录，齿轮设置取整与同比。'
            : '数字句由业务记录生成，点击数字查看其背后的记录。'
        }
        extra={
          <>
            <LatestYearHint latest={latest} year={year} />
            <Select<number>
              value={year}
              style={{ width: 120 }}
              onChange={(y) => navigate(`/reports/rule-of-law/${y}`)}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
              aria-label="报告年度"
              data-testid="report-year"
            />
            <ReportDownloads year={year} dirty={dirty.size > 0} />
          </>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {!data || data.year !== year ? (
        error ? null : (
          <Card>
            <Skeleton active paragraph={{ rows: 12 }} />
          </Card>
        )
      ) : (
        <>
          <ReportWarnings warnings={data.warnings} />
          <Row gutter={16} wrap={false}>
            <Col flex="auto" style={{ minWidth: 0 }}>
              <Card className={styles.paper}>
                <Typography.Title level={3} className={styles.docTitle} data-testid="report-title">
                  {data.title}
                </Typography.Title>
                {loading ? <div className={styles.refreshing}>正在重新生成…</div> : null}
                {data.sections.map((s) => (
                  <ReportSection
                    key={s.key}
                    section={s}
                    year={year}
                    depth={0}
                    units={units}
                    canEdit={canEdit}
                    onChanged={reload}
                    onDirtyChange={onDirtyChange}
                  />
                ))}
              </Card>
            </Col>
            <Col flex="260px" className={styles.outlineCol}>
              <Card size="small" title="目录" className={styles.outline}>
                <Anchor affix={false} offsetTop={16} items={outline(data.sections)} onClick={(e) => e.preventDefault()} getContainer={() => window} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
