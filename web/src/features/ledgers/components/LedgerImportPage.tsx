import { Alert, Button, Card, Flex, Skeleton, Steps } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../../../shell/pages/NotFoundPage';
import { useLedgers } from '../hooks/useLedgers';
import { useLedgerImport, type ImportState } from '../hooks/useLedgerImport';
import { useDownload } from '../hooks/useDownload';
import { ColumnsHint } from './ColumnsHint';
import { FilePicker } from './FilePicker';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportPreview } from './ImportPreview';
import { ImportDone } from './ImportDone';

const STEP: Record<ImportState['phase'], number> = { pick: 0, failed: 0, checking: 1, invalid: 1, ready: 2, importing: 2, done: 3 };

/** 导入台账 — pick a file, see the server's preview (row errors or counts), confirm, see the result. */
export function LedgerImportPage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const ledgers = useLedgers();
  const wizard = useLedgerImport(key);
  const { run, busy } = useDownload();
  const ledger = ledgers.data?.find((l) => l.key === key);
  const { state } = wizard;

  if (ledgers.error) return <ErrorAlert error={ledgers.error} onRetry={ledgers.reload} />;
  if (!ledgers.data) return <Skeleton active />;
  if (!ledger) return <NotFoundPage />;

  const picking = state.phase === 'pick' || state.phase === 'failed' || state.phase === 'invalid' || state.phase === 'checking';
  return (
    <>
      <PageTitle
        title={`导入台账 · ${ledger.title}`}
        description="导入为整批操作：全部行无误才写入，任何一行出错则不导入任何数据；历史记录违反规则之处照实导入并标注，不阻止导入。"
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={busy !== null} onClick={() => run('template', 'template', ledger)}>
              下载模板
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => navigate(`/ledgers/imports?ledger=${encodeURIComponent(ledger.key)}`)}>
              导入记录
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/ledgers')}>
              返回台账列表
            </Button>
          </>
        }
      />
      {!ledger.canImport ? <Alert type="warning" showIcon title="您没有导入此台账的权限。" style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Steps
          current={STEP[state.phase]}
          status={state.phase === 'invalid' || state.phase === 'failed' ? 'error' : undefined}
          items={[{ title: '选择文件' }, { title: '预检' }, { title: '确认导入' }, { title: '完成' }]}
          style={{ marginBottom: 24 }}
        />
        <Flex vertical gap={16}>
          {state.phase === 'failed' ? <Alert type="error" showIcon title={`无法导入文件“${state.file.name}”`} description={state.message} /> : null}
          {state.phase === 'invalid' ? (
            <>
              <Alert
                type="error"
                showIcon
                data-testid="import-invalid"
                title={`预检未通过：文件“${state.file.name}”（${state.rows} 行）发现 ${state.errorCount} 处问题${state.errorCount > state.errors.length ? `（下表列出前 ${state.errors.length} 处）` : ''}，未导入任何数据`}
                description="请在原文件中按下表改正后，重新选择文件。"
              />
              <ImportErrorsTable errors={state.errors} />
            </>
          ) : null}
          {state.phase === 'ready' || state.phase === 'importing' ? (
            <ImportPreview
              file={state.file}
              preview={state.preview}
              importing={state.phase === 'importing'}
              onConfirm={wizard.confirm}
              onReset={wizard.reset}
            />
          ) : null}
          {state.phase === 'done' ? <ImportDone file={state.file} result={state.result} onAgain={wizard.reset} /> : null}
          {picking && ledger.canImport ? (
            <>
              <FilePicker checking={state.phase === 'checking'} again={state.phase !== 'pick'} onPick={wizard.choose} />
              <ColumnsHint ledger={ledger} />
            </>
          ) : null}
        </Flex>
      </Card>
    </>
  );
}
