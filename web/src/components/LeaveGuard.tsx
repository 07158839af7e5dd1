import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router-dom';
import { editing } from '../lib/editing';

/** Forms that count as "being edited" once typed in: forms in a dialog or drawer, and page forms marked `data-leave-guard`. */
const GUARDED = '.ant-modal form, .ant-drawer form, form[data-leave-guard]';

const MESSAGE = '有尚未保存的修改，离开后将丢失。确定离开吗？';

/**
 * Asks before leaving (one per router: React Router supports a single blocker — editors report to it
 * through `useUnsaved` in lib/editing.ts) a page with unsaved edits: an in-app navigation (menu, link, back button) shows a
 * confirmation, closing or reloading the tab the browser's own. `dirty` is read when the user leaves, so a
 * caller may pass a function.
 */
export function useLeaveGuard(dirty: boolean | (() => boolean)) {
  const isDirty = useRef(dirty);
  isDirty.current = dirty;
  const check = useCallback(() => (typeof isDirty.current === 'function' ? isDirty.current() : isDirty.current), []);
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && check());
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const m = modal.confirm({
      title: '离开此页？',
      content: MESSAGE,
      okText: '离开',
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    return () => m.destroy();
  }, [blocker, modal]);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!check()) return;
      e.preventDefault();
      e.returnValue = MESSAGE;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [check]);
}

/**
 * The guard for every form at once: a form typed in (`GUARDED`) counts as edited while it is on screen,
 * until a save through `useServerSubmit` succeeds or its dialog closes. Mounted once per frame (desktop, field).
 */
export function EditedFormsGuard() {
  useEffect(() => {
    const onEdit = (e: Event) => {
      const form = e.target instanceof Element ? e.target.closest(GUARDED) : null;
      if (form) editing.edited.add(form);
    };
    document.addEventListener('input', onEdit, true);
    return () => document.removeEventListener('input', onEdit, true);
  }, []);
  useLeaveGuard(() => {
    if (editing.saving) return false;
    for (const f of editing.edited) if (!f.isConnected || !(f as HTMLElement).offsetParent) editing.edited.delete(f);
    return editing.edited.size > 0 || editing.unsaved.size > 0;
  });
  return null;
}
