import { errorsOf, loadProfile } from '../load';
import type { Requests } from '../load';
import type { Row } from '../report';
import type { BenchRun } from '../service';
import { argon2Reference, referenceCpu } from './password-logins';

/** User IDs of registered accounts: their own prefix, apart from the seeded `bench…` and `tfa…`. */
export function registrantUserIdOf(n: number): string {
  return `reg${String(n).padStart(9, '0')}`;
}

/**
 * `POST /api/v1/accounts` of an individual account, each request with a new user ID, e-mail and
 * password (the registration form's fields, no two-factor field).
 */
export function registrations(base: string): Requests {
  let next = 0;
  return {
    url: `${base}/api/v1/accounts`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/accounts',
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            body: JSON.stringify({
              type: 'individual',
              userId: registrantUserIdOf(n),
              password: `Regist3r${n}pw`,
              email: `reg${n}@example.test`,
              language: 'en',
              profile: { name: `Bench Registrant ${n}`, nameKana: 'ベンチ' },
            }),
          };
        },
      },
    ],
  };
}

/** Registrations/s (one argon2 hash each) against raw `argon2.hash`/s at the same concurrency. */
export async function registrationsScenario(run: BenchRun): Promise<Row> {
  const { args } = run;
  const loads = await loadProfile(registrations(run.base), run);
  const argon2 = await argon2Reference(args.connections, args.duration * 1000, 'hash');
  const value = loads[0].perSecond;
  const ratio = value / argon2.perSecond;
  return {
    figure: 'registrations/s (individual accounts, new user ID each)',
    measured: true,
    value,
    unit: '/s',
    reference: argon2.perSecond,
    referenceName: 'raw argon2.hash/s, child process, no HTTP',
    ratio,
    target: '≥ 0.80',
    reached: ratio >= 0.8,
    efficiencyTarget: 0.8,
    ...referenceCpu(argon2),
    loads,
    errors: errorsOf(loads),
    note:
      'POST /api/v1/accounts (type individual, a new user ID, e-mail and password per request; 201 expected); ' +
      'each registration also sends its welcome mail (written to a temporary MAIL_DIR) through the outbox and the ' +
      'mail queue, and its audit row. The efficiency target is that of the password row (the issue sets none for registrations).',
  };
}
