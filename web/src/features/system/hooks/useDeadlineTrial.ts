import { useCallback, useRef, useState } from 'react';
import { api, ApiError, qs } from '../../../api/client';
import type { DeadlineExplanation, DeadlineUnit } from '../../../api/types';

export interface TrialInput {
  start: string;
  n: number;
  unit: DeadlineUnit;
  source?: string;
}

/** 期限试算 — asks the server to compute a due date and explain it. */
export function useDeadlineTrial() {
  const [result, setResult] = useState<DeadlineExplanation>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const last = useRef<TrialInput | null>(null);
  const run = useCallback(async (input: TrialInput) => {
    last.current = input;
    setLoading(true);
    setError(undefined);
    try {
      setResult(await api.get<DeadlineExplanation>(`/api/calendar/explain${qs({ ...input })}`));
    } catch (e) {
      setResult(undefined);
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
    } finally {
      setLoading(false);
    }
  }, []);
  /** Runs the last trial again (after the calendar changed). */
  const rerun = useCallback(() => {
    if (last.current) void run(last.current);
  }, [run]);
  return { result, error, loading, run, rerun };
}
