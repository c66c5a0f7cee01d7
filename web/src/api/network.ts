import type { Problem } from './problems';

/** The request never got an answer (offline, service restarting): shown as the generic failure. */
export const networkProblem: Problem = { code: 'SERVICE_UNAVAILABLE', field: null };
