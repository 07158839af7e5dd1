import { useEffect, useSyncExternalStore } from 'react';
import { useMe } from '../../api/session';
import { onOutbox, outboxItems, startOutbox, type OutboxItem } from './outbox';

/** The signed-in user's outbox, kept current; starts syncing (now and on `online`) the first time it is used. */
export function useOutbox(): readonly OutboxItem[] {
  const me = useMe();
  useEffect(() => startOutbox(me.userId), [me.userId]);
  const all = useSyncExternalStore(onOutbox, outboxItems, outboxItems);
  return all.filter((i) => i.userId === me.userId);
}
