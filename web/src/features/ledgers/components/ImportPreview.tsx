import { Alert, Button, Flex } from 'antd';
import type { ImportResult } from '../api';
import { ImportCounts } from './ImportCounts';

interface Props {
  file: File;
  preview: Extract<ImportResult, { ok: true }>;
  importing: boolean;
  onConfirm: () => void;
  onReset: () => void;
}

/** 预检通过 — what the import will do, and the 确认导入 button. */
export function ImportPreview({ file, preview, importing, onConfirm, onReset }: Props) {
  return (
    <Flex vertical gap={16}>
      <Alert type="success" showIcon data-testid="import-ready" title={`预检通过：文件“${file.name}”共 ${preview.rows} 行，未发现问题`} description="确认后将按以下结果写入，并记入审计日志。" />
      <ImportCounts created={preview.created} updated={preview.updated} unchanged={preview.unchanged} />
      <Flex gap={8}>
        <Button type="primary" onClick={onConfirm} loading={importing}>
          确认导入
        </Button>
        <Button onClick={onReset} disabled={importing}>
          重新选择文件
        </Button>
      </Flex>
    </Flex>
  );
}
