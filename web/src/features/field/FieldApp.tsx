import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useCan } from '../../api/session';
import { lazyNamed } from '../../lib/lazyNamed';
import { RequireAuth } from '../../shell/components/RequireAuth';
import { FieldLayout } from './components/FieldLayout';

const FieldHomePage = lazyNamed(() => import('./components/FieldHomePage'), 'FieldHomePage');
const MyCasesPage = lazyNamed(() => import('./components/MyCasesPage'), 'MyCasesPage');
const CaseCapturePage = lazyNamed(() => import('./components/CaseCapturePage'), 'CaseCapturePage');
const SamplePage = lazyNamed(() => import('./components/SamplePage'), 'SamplePage');
const PatrolPage = lazyNamed(() => import('./components/PatrolPage'), 'PatrolPage');
const OutboxPage = lazyNamed(() => import('./components/OutboxPage'), 'OutboxPage');
// Shown only when needed: Ant Design's Result (and its pictures) is not part of the field frame.
const ForbiddenPage = lazyNamed(() => import('../../shell/pages/ForbiddenPage'), 'ForbiddenPage');

/** A field page for users holding `permission` (the server checks again on every call). */
function Allowed({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenPage />;
}

/**
 * The field app (`/field/*`): its own frame (FieldLayout) and pages, each loaded on demand. It loads
 * neither the desktop layout nor the feature registry of every module, so a phone's first load is
 * React, Ant Design's core and the few components the field pages show (tests/browser/budget.test.ts).
 */
export function FieldApp() {
  return (
    <AntApp style={{ height: '100%' }}>
      <RequireAuth>
        <Routes>
          <Route element={<FieldLayout />}>
            <Route index element={<FieldHomePage />} />
            <Route
              path="cases"
              element={
                <Allowed permission="enforcement.case.write">
                  <MyCasesPage />
                </Allowed>
              }
            />
            <Route
              path="cases/:id"
              element={
                <Allowed permission="enforcement.case.write">
                  <CaseCapturePage />
                </Allowed>
              }
            />
            <Route
              path="sample"
              element={
                <Allowed permission="rivers.samples">
                  <SamplePage />
                </Allowed>
              }
            />
            <Route
              path="patrol"
              element={
                <Allowed permission="flood.progress">
                  <PatrolPage />
                </Allowed>
              }
            />
            <Route path="outbox" element={<OutboxPage />} />
            {/* An unknown field address (an old bookmark) opens the field app's start page. */}
            <Route path="*" element={<Navigate to="/field" replace />} />
          </Route>
        </Routes>
      </RequireAuth>
    </AntApp>
  );
}
