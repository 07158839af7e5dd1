import { useEffect, useId } from 'react';

/**
 * What the leave guard (components/LeaveGuard.tsx) knows of the forms on screen, kept in a module of its
 * own without dependencies so that any form helper can report to it: the forms typed in, and whether a
 * save is running (a save that succeeds often navigates away itself — to the new record — and must not
 * be asked about).
 */
export const editing = {
  /** Forms typed in since they were shown or last saved. */
  edited: new Set<Element>(),
  /** Editors that hold unsaved text of their own (`useUnsaved`), e.g. a report's narrative. */
  unsaved: new Set<symbol>(),
  /** Saves running now. */
  saving: 0,
};

/** Runs a save: while it runs, and once it succeeded, the forms on screen count as saved. */
export async function asSave<T>(save: () => Promise<T>): Promise<T> {
  editing.saving++;
  try {
    const r = await save();
    editing.edited.clear();
    return r;
  } finally {
    editing.saving--;
  }
}

/** Tells the leave guard that this component holds unsaved work while `dirty` is true. */
export function useUnsaved(dirty: boolean) {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    const key = Symbol(id);
    editing.unsaved.add(key);
    return () => {
      editing.unsaved.delete(key);
    };
  }, [dirty, id]);
}
