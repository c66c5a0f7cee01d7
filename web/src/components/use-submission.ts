import { useCallback, useState } from 'react';
import { networkProblem } from '../api/network';
import type { Problem } from '../api/problems';

export interface Submission {
  problems: Problem[];
  busy: boolean;
  /**
   * Sends one request: `send` answers the problems the API named, or null when it succeeded.
   * A request that got no answer shows the generic failure. Resolves true on success.
   */
  run(send: () => Promise<Problem[] | null>): Promise<boolean>;
  clear(): void;
}

/** The state every form of the account pages keeps: busy while sending, and the API's problems. */
export function useSubmission(): Submission {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (send: () => Promise<Problem[] | null>) => {
    setBusy(true);
    try {
      const found = await send();
      setProblems(found ?? []);
      return found === null;
    } catch {
      setProblems([networkProblem]);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setProblems([]), []);
  return { problems, busy, run, clear };
}
