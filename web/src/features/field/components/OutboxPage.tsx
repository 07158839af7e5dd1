import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { PageTitle } from '../../../components/PageTitle';
import { KIND_LABELS } from '../api';
import { dismiss, retry, syncOutbox } from '../outbox';
import { useOutbox } from '../useOutbox';
import { FieldList, OutboxTag, timeText } from './FieldParts';

/**
 * 待同步 — what was recorded on this phone and has not reached the server: waiting (sent when the
 * network returns), or refused with the server's reason (the case moved on, a file refused …),
 * kept until the officer sends it again or removes it.
 */
export function OutboxPage() {
  const items = useOutbox();
  const { message } = App.useApp();
  const [syncing, setSyncing] = useState(false);
  const syncNow = async () => {
    setSyncing(true);
    await syncOutbox();
    setSyncing(false);
    if (!navigator.onLine) message.warning('当前无网络，联网后将自动同步');
  };
  return (
    <>
      <PageTitle
        title={`待同步（${items.length}）`}
        description="在本机记录、尚未上传到系统的内容；联网后按记录顺序自动上传。"
        extra={
          <Button icon={<SyncOutlined spin={syncing} />} onClick={() => void syncNow()} disabled={!items.length}>
            立即同步
          </Button>
        }
      />
      {items.length ? (
        <div data-testid="outbox-list">
          <FieldList
            items={[...items]}
            itemRender={(i) => (
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <span>
                  <OutboxTag item={i} /> {KIND_LABELS[i.kind]} · {i.label}
                </span>
                <Typography.Text type="secondary">记录于 {timeText(i.recordedAt)}</Typography.Text>
                {i.error ? (
                  <Typography.Text type="danger">
                    服务器未接受（{i.error.status}）：{i.error.message}
                  </Typography.Text>
                ) : null}
                {i.state === 'failed' ? (
                  <Flex gap={8} justify="flex-end">
                    <Button size="small" onClick={() => void retry(i.key)}>
                      重新上传
                    </Button>
                    <Popconfirm title="删除后本机不再保留此记录，确定？" onConfirm={() => void dismiss(i.key)}>
                      <Button size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  </Flex>
                ) : null}
              </Flex>
            )}
          />
        </div>
      ) : (
        <Empty description="没有待同步的内容" />
      )}
    </>
  );
}
