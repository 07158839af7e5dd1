import { useContext, useEffect, useRef } from 'react';
import { App } from 'antd';
import { type Navigator, type To, UNSAFE_NavigationContext, useLocation } from 'react-router-dom';
import { editing } from '../lib/editing';
import { historyIdx, popGuard } from '../lib/popGuard';

/** Forms that count as "being edited" once typed in: forms in a dialog or drawer, and page forms marked `data-leave-guard`. */
const GUARDED = '.ant-modal form, .ant-drawer form, form[data-leave-guard]';

const MESSAGE = '有尚未保存的修改，离开后将丢失。确定离开吗？';

/**
 * Asks before leaving a page with unsaved edits: an in-app navigation (menu, breadcrumb, link, a form's own
 * redirect) and the browser's back and forward buttons show a confirmation; closing or reloading the tab,
 * the browser's own. `dirty` is read when the user leaves. One per frame (editors report to it through
 * `useUnsaved` in lib/editing.ts). It wraps the router's navigator (push/replace) and listens to `popstate`
 * ahead of the router rather than using a data router's `useBlocker`, which would add ~16 KB to every page.
 */
export function useLeaveGuard(dirty: () => boolean) {
  const isDirty = useRef(dirty);
  isDirty.current = dirty;
  const { modal } = App.useApp();
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const location = useLocation();
  useEffect(() => {
    popGuard.at = historyIdx();
    popGuard.path = location.pathname;
  }, [location]);
  useEffect(() => {
    const confirm = (leave: () => void) => modal.confirm({ title: '离开此页？', content: MESSAGE, okText: '离开', cancelText: '留在此页', onOk: leave });
    popGuard.dirty = () => isDirty.current();
    popGuard.ask = confirm;
    const nav = navigator as Navigator & { push: Go; replace: Go };
    const { push, replace } = nav;
    const held =
      (go: Go): Go =>
      (to, ...rest) => {
        // A change of the query or hash only (a list's filter in the URL) stays on the page: not asked.
        const path = (typeof to === 'string' ? to.split(/[?#]/)[0] : to.pathname) || window.location.pathname;
        if (path === window.location.pathname || !isDirty.current()) return go.call(nav, to, ...rest);
        confirm(() => go.call(nav, to, ...rest));
      };
    nav.push = held(push);
    nav.replace = held(replace);
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty.current()) return;
      e.preventDefault();
      e.returnValue = MESSAGE;
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      popGuard.dirty = null;
      nav.push = push;
      nav.replace = replace;
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [navigator, modal]);
}

type Go = (to: To, ...rest: unknown[]) => void;

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
