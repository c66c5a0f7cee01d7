import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';

export type Availability =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'available' }
  | { state: 'taken' }
  | { state: 'problem'; problem: Problem };

const PAUSE_MS = 400;

/**
 * Asks the API whether the user ID being typed is free (GET /accounts/user-id-availability), once
 * typing pauses; an answer for an older value is dropped. The API decides the format too.
 */
export function useUserIdAvailability(userId: string): Availability {
  const [answer, setAnswer] = useState<{ userId: string; availability: Availability } | null>(null);
  useEffect(() => {
    if (userId === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .GET('/api/v1/accounts/user-id-availability', {
          params: { query: { userId } },
          signal: abort.signal,
        })
        .then(({ data, error }) => {
          const availability: Availability = data
            ? { state: data.available ? 'available' : 'taken' }
            : { state: 'problem', problem: problemsOf(error)[0] };
          setAnswer({ userId, availability });
        })
        .catch(() => {
          if (!abort.signal.aborted) setAnswer({ userId, availability: { state: 'idle' } });
        });
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [userId]);
  if (userId === '') return { state: 'idle' };
  return answer?.userId === userId ? answer.availability : { state: 'checking' };
}
