import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import { keepRead, keptRead } from './outbox';

/**
 * A read the field pages need offline (my cases, the rivers, the risk points): the server's answer
 * when the network is there — kept on the phone — and the kept one when it is not (`offline`).
 */
export function useFieldRead<T>(path: string) {
  const res = useApi<T>(path);
  const [kept, setKept] = useState<T>();
  useEffect(() => {
    if (res.data !== undefined) void keepRead(path, res.data);
  }, [path, res.data]);
  useEffect(() => {
    if (res.error?.status === 0) void keptRead<T>(path).then(setKept);
  }, [path, res.error]);
  const offline = res.data === undefined && kept !== undefined;
  return { ...res, data: res.data ?? kept, error: offline ? undefined : res.error, offline };
}
