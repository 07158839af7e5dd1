import { useState } from 'react';
import { Alert, Button } from 'antd';

const SHOWN = 5;

/** 待核实 — the figures the data cannot support, named by the server; listed above the report. */
export function ReportWarnings({ warnings }: { warnings: string[] }) {
  const [all, setAll] = useState(false);
  if (!warnings.length) return <Alert type="success" showIcon title="报告中的每个数字都有业务记录支撑" style={{ marginBottom: 16 }} />;
  const shown = all ? warnings : warnings.slice(0, SHOWN);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="report-warnings"
      title={`待核实：${warnings.length} 处数字缺少记录支撑，相关句子已在正文中标注，系统不会编造数字`}
      description={
        <>
          <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {shown.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ol>
          {warnings.length > SHOWN ? (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
              {all ? '收起' : `展开其余 ${warnings.length - SHOWN} 处`}
            </Button>
          ) : null}
        </>
      }
    />
  );
}
