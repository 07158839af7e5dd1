import { Button, Drawer, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatInstant } from '../../../lib/format';
import { useNarrativeVersions } from '../hooks/useReport';

interface Props {
  year: number;
  /** The section whose versions are shown; null: closed. */
  section: string | null;
  title: string;
  /** Offered to editors: put an earlier text into the editor (saving it makes a new version). */
  onUse?: (body: string) => void;
  onClose: () => void;
}

/** 历史版本 — every saved version of a section's narrative with its author and time, newest first. */
export function NarrativeVersionsDrawer({ year, section, title, onUse, onClose }: Props) {
  const { data, error, loading, reload } = useNarrativeVersions(year, section);
  return (
    <Drawer open={section !== null} onClose={onClose} size={620} title={`历史版本 · ${title}`}>
      <ErrorAlert error={error} onRetry={reload} />
      {loading ? (
        <Skeleton active />
      ) : !data?.length ? (
        <Empty description="该段落尚无保存的版本" />
      ) : (
        <Timeline
          items={data.map((v, i) => ({
            key: v.version,
            color: i === 0 ? 'blue' : 'gray',
            content: (
              <div data-testid={`narrative-version-${v.version}`}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <span>
                    <Typography.Text strong>第 {v.version} 版</Typography.Text>
                    {i === 0 ? (
                      <Tag color="blue" style={{ marginInlineStart: 8 }}>
                        当前
                      </Tag>
                    ) : null}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {v.author} · {formatInstant(v.created_at)}
                    </Typography.Text>
                  </span>
                  {onUse && i > 0 ? (
                    <Button size="small" onClick={() => onUse(v.body)}>
                      以此版本为底稿
                    </Button>
                  ) : null}
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 6, marginBottom: 0, color: '#333' }}>
                  {v.body || '（空）'}
                </Typography.Paragraph>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
