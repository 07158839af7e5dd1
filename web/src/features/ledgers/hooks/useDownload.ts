import { useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../../api/client';
import { ledgersApi, type ExportFormat, type LedgerInfo } from '../api';

/** Template and export downloads with a busy marker per button and errors as messages. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, what: 'template' | ExportFormat, l: LedgerInfo) => {
    setBusy(id);
    try {
      const name = what === 'template' ? await ledgersApi.downloadTemplate(l) : await ledgersApi.exportFile(l, what);
      message.success(`已下载：${name}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return { run, busy };
}
