import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client';

interface Props {
  /** The error to show; nothing is rendered without one. */
  error: ApiError | Error | undefined | null;
  /** Offers a 重试 button. */
  onRetry?: () => void;
}

/** A load error as the server worded it, with an optional retry. */
export function ErrorAlert({ error, onRetry }: Props) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
