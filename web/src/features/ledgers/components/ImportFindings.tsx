import { Alert, Flex, List, Table, Typography } from 'antd';
import type { IgnoredRow, ImportFinding } from '../api';

/** 历史问题 — rules past records broke: 行 (as in Excel, header = 1), 列, 问题, 依据. The rule key stays hidden. */
export function FindingsTable({ findings }: { findings: ImportFinding[] }) {
  return (
    <Table<ImportFinding>
      size="small"
      rowKey={(f, i) => `${f.row}:${f.column}:${i ?? 0}`}
      dataSource={findings}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      // On a narrow screen the table scrolls sideways instead of wrapping a character per line.
      scroll={{ x: 'max-content' }}
      data-testid="import-findings"
      columns={[
        { title: '行', dataIndex: 'row', width: 90, render: (r: number) => `第${r}行` },
        { title: '列', dataIndex: 'column', width: 150, render: (c: string) => c || '（整行）' },
        { title: '问题', dataIndex: 'message', render: (m: string) => <Typography.Text type="warning">{m}</Typography.Text> },
        { title: '依据', dataIndex: 'statute', width: 300, render: (s: string) => s || '—' },
      ]}
    />
  );
}

/** The findings with the Alert saying they are imported as they are and marked, not blocking. */
export function FindingsSection({
  findings,
  count,
  done,
}: {
  findings: ImportFinding[] /** All findings of the import (the list stops at the first 1,000). */;
  count?: number;
  done: boolean;
}) {
  if (!findings.length) return null;
  const total = count ?? findings.length;
  const more = total > findings.length ? `（下表列出前 ${findings.length} 条，全部见导入记录）` : '';
  return (
    <Flex vertical gap={8}>
      <Alert
        type="warning"
        showIcon
        data-testid="import-findings-alert"
        title={
          done
            ? `以下 ${total} 条为历史记录违反规则之处，已照实导入并在记录上标注${more}`
            : `以下 ${total} 条为历史记录违反规则之处，将照实导入并在记录上标注，不阻止导入${more}`
        }
        description="这些是文件中已发生的事实（如逾期答复、逾期办结），系统不改动其内容；各条记录页面上会显示相应的历史问题及依据。"
      />
      <FindingsTable findings={findings} />
    </Flex>
  );
}

/** 已忽略的行 — note or signature rows after the data the import skipped on purpose. */
export function IgnoredRowsList({ rows }: { rows: IgnoredRow[] }) {
  if (!rows.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="import-ignored"
      title={`已忽略 ${rows.length} 行（数据之后的备注、签字等行，不导入）`}
      description={
        <List
          size="small"
          split={false}
          dataSource={rows}
          renderItem={(r) => <List.Item style={{ padding: '2px 0' }}>{r.reason || `第${r.row}行已忽略`}</List.Item>}
        />
      }
    />
  );
}
