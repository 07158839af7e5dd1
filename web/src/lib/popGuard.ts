/** The router's position in the session history (React Router keeps `idx` in each entry's state). */
export const historyIdx = (): number | undefined => (window.history.state as { idx?: number } | null)?.idx;

/**
 * The leave guard's hold on the browser's back and forward buttons (components/LeaveGuard.tsx sets
 * `dirty`, `ask`, `at` and `path`). By the time `popstate` fires the history entry has changed, so this
 * module listens ahead of the router: it is imported by App.tsx, before BrowserRouter subscribes. With
 * unsaved edits and a step to another path, it keeps the event from the router, steps the browser back to
 * where it was, and asks; leaving replays the step. `at`/`path`: the entry and path the page is on.
 */
export const popGuard = {
  dirty: null as null | (() => boolean),
  ask: (_leave: () => void) => {},
  at: undefined as number | undefined,
  path: '',
  /** The next popstate is the guard's own step back to `at`: swallowed. */
  restoring: false,
  /** The next popstate is the confirmed step: let through. */
  leaving: false,
};
function onPop(e: PopStateEvent) {
  if (popGuard.restoring) {
    popGuard.restoring = false;
    e.stopImmediatePropagation();
    return;
  }
  const idx = historyIdx();
  const delta = popGuard.at !== undefined && idx !== undefined ? popGuard.at - idx : 0;
  const elsewhere = window.location.pathname !== popGuard.path;
  if (popGuard.leaving || !delta || !elsewhere || !popGuard.dirty?.()) {
    popGuard.leaving = false;
    return;
  }
  e.stopImmediatePropagation();
  popGuard.restoring = true;
  window.history.go(delta);
  popGuard.ask(() => {
    popGuard.leaving = true;
    window.history.go(-delta);
  });
}
window.addEventListener('popstate', onPop, { capture: true });
