import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { systemApi, type VerifyResult } from '../api';

/** 校验审计链 — the server walks the chain and names the first broken event. */
export function AuditVerifyPanel() {
  const [result, setResult] = useState<VerifyResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await systemApi.verifyAudit());
    } catch (e) {
      setResult(undefined);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex align="center" gap={16} wrap>
        <Button icon={<SafetyOutlined />} onClick={verify} loading={busy}>
          校验审计链
        </Button>
        {!result && !error ? <Typography.Text type="secondary">逐条核对序号、前序哈希与内容哈希，报告第一处断裂。</Typography.Text> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ flex: 1 }} /> : null}
        {result?.ok ? (
          <Alert
            type="success"
            showIcon
            style={{ flex: 1 }}
            data-testid="audit-verify-result"
            title={`审计链完整：共 ${result.events} 条事件，均未被改动。`}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                末条哈希 {result.lastHash}
              </Typography.Text>
            }
          />
        ) : null}
        {result && !result.ok ? (
          <Alert
            type="error"
            showIcon
            style={{ flex: 1 }}
            data-testid="audit-verify-result"
            title={`审计链断裂：第 ${result.brokenAt} 号事件`}
            description={`${result.reason}（此前 ${result.events} 条完好）`}
          />
        ) : null}
      </Flex>
    </Card>
  );
}
