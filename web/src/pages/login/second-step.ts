import { api } from '../../api/client';
import type { LoginResponse } from '../../api/client';
import { networkProblem } from '../../api/network';
import { problemsOf } from '../../api/problems';
import type { Problem } from '../../api/problems';

/** Codes after which this challenge is over: the login starts again from the user ID. */
const CHALLENGE_OVER = new Set(['CHALLENGE_EXPIRED', 'ACCOUNT_LOCKED']);

export type SecondStepResult =
  | { answer: LoginResponse }
  | { problems: Problem[]; restart: boolean };

export async function sendCode(challengeToken: string, code: string): Promise<SecondStepResult> {
  try {
    const { data, error } = await api.POST('/api/v1/auth/login/two-factor', {
      body: { challengeToken, code: code.trim() },
    });
    if (data) return { answer: data };
    const problems = problemsOf(error);
    return { problems, restart: problems.some((p) => CHALLENGE_OVER.has(p.code)) };
  } catch {
    return { problems: [networkProblem], restart: false };
  }
}
