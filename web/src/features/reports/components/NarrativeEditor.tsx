import { useEffect, useRef, useState } from 'react';
import { useUnsaved } from '../../../lib/editing';
import { Alert, App, Button, Flex, Input, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { formatInstant } from '../../../lib/format';
import { withKeys } from '../../../lib/keys';
import { reportsApi, type Narrative } from '../api';
import { NarrativeVersionsDrawer } from './NarrativeVersionsDrawer';
import styles from './report.module.css';

interface Props {
  year: number;
  section: string;
  /** Heading of the section, for the versions drawer. */
  title: string;
  /** The narrative as the report was loaded (null: none written yet). */
  narrative: Narrative | null;
  canEdit: boolean;
  /** Called after a save (the report is composed again). */
  onSaved: () => void;
  /** Told whether the editor holds unsaved text (the page warns before generating files). */
  onDirtyChange?: (section: string, dirty: boolean) => void;
}

/** The conflict message the server sends with 409, kept here for a client that gets a bare 409. */
const CONFLICT = '该段落已被他人修改，请刷新后在最新版本上修改';

/**
 * 叙述段落 — the bureau's text of a section. Saving makes a new version based on
 * the version loaded; if someone saved in between the server refuses (409) and the
 * editor offers the latest text while keeping the user's own.
 */
export function NarrativeEditor({ year, section, title, narrative, canEdit, onSaved, onDirtyChange }: Props) {
  const { message } = App.useApp();
  const loadedBody = narrative?.body ?? '';
  const [draft, setDraft] = useState(loadedBody);
  /** The version (and its text) this draft starts from: sent as baseVersion. */
  const [base, setBase] = useState<{ version: number | null; body: string }>({ version: narrative?.version ?? null, body: loadedBody });
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ message: string; mine: string } | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const dirty = draft.trim() !== base.body.trim();

  useEffect(() => onDirtyChange?.(section, dirty), [onDirtyChange, section, dirty]);
  // Leaving the page (menu, link, closing the tab) with unsaved text asks first. After a conflict, once the
  // latest version is loaded the editor is clean again (the user's own text stays shown to copy from).
  useUnsaved(dirty);

  // A newer composition of the report: follow it unless the user is in the middle of an edit
  // (read when the composition changes, not a reason to follow it).
  const editing = useRef(false);
  useEffect(() => {
    editing.current = dirty || conflict !== null;
  }, [dirty, conflict]);
  useEffect(() => {
    if (editing.current) return;
    setDraft(loadedBody);
    setBase({ version: narrative?.version ?? null, body: loadedBody });
  }, [narrative?.version, loadedBody]);

  if (!canEdit) {
    return narrative ? (
      <div className={styles.narrative}>
        {withKeys(narrative.body.split('\n'), (p) => p).map(({ key, item: p }) => (
          <p key={key}>{p}</p>
        ))}
      </div>
    ) : (
      <Typography.Paragraph type="secondary" className={styles.narrative}>
        （尚未撰写）
      </Typography.Paragraph>
    );
  }

  const save = async () => {
    setSaving(true);
    try {
      const r = await reportsApi.saveNarrative(year, section, draft, base.version);
      setBase({ version: r.version, body: draft.trim() });
      setDraft(draft.trim());
      setConflict(null);
      message.success(`已保存（第 ${r.version} 版）`);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict({ message: e.message || CONFLICT, mine: draft });
      else message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  /** Loads the latest saved version into the editor; the user's text stays visible until dismissed. */
  const loadLatest = async () => {
    try {
      const [latest] = await reportsApi.versions(year, section);
      setDraft(latest?.body ?? '');
      setBase({ version: latest?.version ?? null, body: latest?.body ?? '' });
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className={styles.editor}>
      <Input.TextArea
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 16 }}
        placeholder="在此撰写本部分的叙述（可分段，每段一行）"
        className={styles.textarea}
        data-testid={`narrative-${section}`}
        aria-label={`${title}的叙述`}
      />
      {conflict ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={conflict.message}
          description={
            <>
              <div>下面保留了您刚才的文本，可在载入最新版本后对照修改，或复制备用。</div>
              <Typography.Paragraph copyable={{ text: conflict.mine, tooltips: ['复制我的文本', '已复制'] }} className={styles.mine}>
                {conflict.mine}
              </Typography.Paragraph>
            </>
          }
          action={
            <Flex vertical gap={6}>
              <Button size="small" type="primary" onClick={loadLatest}>
                载入最新版本
              </Button>
              <Button size="small" onClick={() => setDraft(conflict.mine)}>
                放回我的文本
              </Button>
              <Button size="small" type="text" onClick={() => setConflict(null)}>
                关闭
              </Button>
            </Flex>
          }
        />
      ) : null}
      <Flex justify="space-between" align="center" gap={8} wrap className={styles.editorBar}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`narrative-meta-${section}`}>
          {base.version === null ? '尚未撰写' : `第 ${base.version} 版`}
          {narrative && narrative.version === base.version ? ` · ${narrative.author} · ${formatInstant(narrative.at)}` : ''}
          {dirty ? ' · 有未保存的修改' : ''}
        </Typography.Text>
        <Flex gap={8}>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} disabled={base.version === null}>
            历史版本
          </Button>
          <Button size="small" disabled={!dirty} onClick={() => setDraft(base.body)}>
            撤销修改
          </Button>
          <Button size="small" type="primary" disabled={!dirty} loading={saving} onClick={save} data-testid={`narrative-save-${section}`}>
            保存
          </Button>
        </Flex>
      </Flex>
      <NarrativeVersionsDrawer
        year={year}
        section={versionsOpen ? section : null}
        title={title}
        onClose={() => setVersionsOpen(false)}
        onUse={(body) => {
          setDraft(body);
          setVersionsOpen(false);
          message.info('已放入编辑框，保存后成为新版本');
        }}
      />
    </div>
  );
}
