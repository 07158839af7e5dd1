import { type ComponentProps, useState } from 'react';
import { Card } from 'antd';
import type { WorkflowAction } from '../api/workflow';
import { RecordClocks } from './RecordClocks';
import { WorkflowActions } from './WorkflowActions';

/**
 * A workflow record page's side panel: the actions the user may take now — when they may act on the
 * record at all (`actions` null: they may not) — and the record's clocks. `testId` names both cards
 * (`<testId>-actions`, `<testId>-clocks`).
 */
export function WorkflowPanel<A extends WorkflowAction>(p: {
  actions: readonly A[] | null;
  onAct(action: A): void;
  clocks: ComponentProps<typeof RecordClocks>;
  testId: string;
}) {
  return (
    <>
      {p.actions ? (
        <Card title="可办理的环节" size="small" style={{ marginBottom: 16 }}>
          <WorkflowActions<A> actions={p.actions} testId={`${p.testId}-actions`} onAct={p.onAct} />
        </Card>
      ) : null}
      <Card title="期限" style={{ marginBottom: 16 }} data-testid={`${p.testId}-clocks`}>
        <RecordClocks {...p.clocks} />
      </Card>
    </>
  );
}

/** The workflow event a record page records: the action chosen (its dialog open), closed on cancel, closed and the record reloaded once saved. */
export function useWorkflowEvent<A>(reload: () => void) {
  const [action, setAction] = useState<A | null>(null);
  return {
    action,
    open: setAction,
    close: () => setAction(null),
    done: () => {
      setAction(null);
      reload();
    },
  };
}
