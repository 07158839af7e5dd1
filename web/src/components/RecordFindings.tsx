import { Alert, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../api/useApi';
import { formatInstant } from '../lib/format';

/** A record's finding (`GET /api/findings/:entity/:id`): a rule it broke when it was made, found by an import. */
export interface RecordFinding {
  id: string;
  /** Stable key of the rule; not for the screen. */
  rule: string;
  statute: string;
  message: string;
  field: string | null;
  importId: string | null;
  row: number | null;
  at: string;
}

interface Props {
  entity: string;
  id: string;
}

/**
 * 历史问题 — what a record's past shows against the rules (a late reply, a decision
 * without legal review …), as found when it was imported: the message, its 依据 and the
 * import row. Renders nothing when the record has none.
 */
export function RecordFindings({ entity, id }: Props) {
  const { data, error } = useApi<RecordFinding[]>(`/api/findings/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`);
  if (error) return <Alert type="warning" showIcon title={`未能读取该记录的历史问题：${error.message}`} style={{ marginBottom: 16 }} />;
  if (!data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="record-findings"
      style={{ marginBottom: 16 }}
      title={`历史问题 ${data.length} 条（记录形成时违反规则之处，照实保留）`}
      description={
        <List<RecordFinding>
          size="small"
          split={false}
          dataSource={data}
          renderItem={(f) => (
            <List.Item style={{ padding: '4px 0', display: 'block' }} data-testid="record-finding">
              <Flex vertical gap={0}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {f.message}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.statute ? `依据：${f.statute}` : null}
                  {f.importId ? (
                    <>
                      {f.statute ? '；' : null}
                      <Link to={`/ledgers/imports?id=${encodeURIComponent(f.importId)}`}>来自导入{f.row ? `第${f.row}行` : ''}</Link>
                    </>
                  ) : null}
                  {`（${formatInstant(f.at).slice(0, 10)}记入）`}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      }
    />
  );
}
