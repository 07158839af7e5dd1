import { Alert, Button, Flex, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { WorkflowAction } from '../api/workflow';

interface Props<A extends WorkflowAction> {
  actions: readonly A[];
  onAct(action: A): void;
  /**
   * `panel`: the allowed actions as buttons, then each blocked one with its reasons listed (a
   * record page's side panel); `bar`: every action as a button, blocked ones disabled with their
   * reasons in a tooltip (a page header).
   */
  variant?: 'panel' | 'bar';
  /** Whether an action is the main one (a primary button); default: it moves the record on. */
  primary?(action: A): boolean;
  /** `data-testid` of the container; each button is `action-<event>`. */
  testId?: string;
  /** What the panel says when the user can do nothing now. */
  empty?: ReactNode;
  /** Extra buttons after the actions (bar). */
  extra?: ReactNode;
}

/** A record's workflow actions, rendered from the server's one shape — allowed, or blocked with why. */
export function WorkflowActions<A extends WorkflowAction>({
  actions,
  onAct,
  variant = 'panel',
  primary = (a) => a.to !== null,
  testId = 'record-actions',
  empty = '当前没有您可以办理的环节。',
  extra,
}: Props<A>) {
  if (variant === 'bar') {
    return (
      <Flex gap={8} wrap data-testid={testId}>
        {actions.map((a) => (
          <Tooltip key={a.event} title={a.allowed ? undefined : a.reasons.join('；')}>
            <Button type={a.allowed && primary(a) ? 'primary' : 'default'} disabled={!a.allowed} data-testid={`action-${a.event}`} onClick={() => onAct(a)}>
              {a.label}
            </Button>
          </Tooltip>
        ))}
        {extra}
      </Flex>
    );
  }
  const allowed = actions.filter((a) => a.allowed);
  const blocked = actions.filter((a) => !a.allowed);
  return (
    <div data-testid={testId}>
      {allowed.length ? (
        <Flex wrap gap={8}>
          {allowed.map((a) => (
            <Button key={a.event} type={primary(a) ? 'primary' : 'default'} data-testid={`action-${a.event}`} onClick={() => onAct(a)}>
              {a.label}
            </Button>
          ))}
          {extra}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      )}
      {blocked.length ? (
        <div style={{ marginTop: 12 }} data-testid="blocked-actions">
          <Typography.Text type="secondary">暂不能办理：</Typography.Text>
          {blocked.map((a) => (
            <Alert
              key={a.event}
              type="warning"
              style={{ marginTop: 8 }}
              title={a.label}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {a.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              }
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
