import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Schemas } from '../api/client';

export type Me = Schemas['MyPageDto'];
export type MeState =
  | { state: 'loading' }
  | { state: 'ready'; me: Me; reload(): Promise<void> }
  | { state: 'signedOut' }
  | { state: 'failed' };

/** The logged-in account (GET /me); `signedOut` when there is no valid session. */
export function useMe(): MeState {
  const [state, setState] = useState<MeState>({ state: 'loading' });
  const load = useCallback(async () => {
    try {
      const { data, response } = await api.GET('/api/v1/me');
      if (data) setState({ state: 'ready', me: data, reload: load });
      else setState({ state: response.status === 401 ? 'signedOut' : 'failed' });
    } catch {
      setState({ state: 'failed' });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return state;
}
