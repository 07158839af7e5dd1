import { Drawer } from 'antd';
import { useRecordCrumb } from './PageTitle';
import { RecordHistory } from './RecordHistory';
import type { FieldDisplay } from './FieldChangesTable';

interface Props extends FieldDisplay {
  entity: string;
  /** The record; the drawer is closed when null. */
  id: string | null;
  /** What the record is called, shown in the title ('五山街道'). */
  name?: string;
  onClose: () => void;
}

/** 历史 — a drawer with a record's {@link RecordHistory}. */
export function HistoryDrawer({ entity, id, name, onClose, ...display }: Props) {
  useRecordCrumb(id !== null ? name : null);
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={name ? `变更历史 · ${name}` : '变更历史'} destroyOnHidden>
      {id ? <RecordHistory entity={entity} id={id} {...display} /> : null}
    </Drawer>
  );
}
