import { useState } from 'react';
import type { FormEvent } from 'react';
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

/** The code field's state and its submission, shared by the code step and the QR enrollment step. */
export function useCodeSubmission(
  challengeToken: string,
  onAnswer: (answer: LoginResponse) => void,
  onRestart: (notice?: Problem[]) => void,
) {
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await sendCode(challengeToken, code);
    setBusy(false);
    if ('answer' in result) onAnswer(result.answer);
    else if (result.restart) onRestart(result.problems);
    else setProblems(result.problems);
  };

  return { code, setCode, problems, busy, submit };
}
