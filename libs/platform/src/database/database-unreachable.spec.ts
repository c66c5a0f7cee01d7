import {
  ConnectionException,
  knex,
  PostgreSqlExceptionConverter,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';
import { databaseUnreachableReason } from './database-unreachable';

/** A Node socket error as net/dns raise it: a message plus errno, code, syscall and address. */
function socketError(code: string, syscall = 'connect'): Error {
  return Object.assign(new Error(`${syscall} ${code} 127.0.0.1:5432`), {
    errno: -111,
    code,
    syscall,
    address: '127.0.0.1',
    port: 5432,
  });
}

/** A server error as pg's DatabaseError carries it, with knex's SQL prefix on the message. */
function serverError(code: string, message: string): Error {
  const error = Object.assign(new Error(`select 1 - ${message}`), {
    severity: 'FATAL',
    code,
    routine: 'ProcessInterrupts',
  });
  error.name = 'DatabaseError';
  return error;
}

/** What MikroORM's driver throws after converting a driver error. */
const converted = (error: Error) => new PostgreSqlExceptionConverter().convertException(error);

describe('databaseUnreachableReason', () => {
  describe('recognises PostgreSQL being unreachable', () => {
    it.each([
      ['a refused connection', socketError('ECONNREFUSED')],
      ['a reset connection', socketError('ECONNRESET', 'read')],
      ['an unknown host', socketError('ENOTFOUND', 'getaddrinfo')],
      ['a failing DNS lookup', socketError('EAI_AGAIN', 'getaddrinfo')],
      ['a refused connection converted by MikroORM', converted(socketError('ECONNREFUSED'))],
      [
        'a connection cut under a query',
        new Error('select pg_sleep(30) - Connection terminated unexpectedly'),
      ],
      ['a connect timeout', new Error('Connection terminated due to connection timeout')],
      [
        'a transaction whose connection died',
        converted(
          new Error('select 2 - Client has encountered a connection error and is not queryable'),
        ),
      ],
      [
        'an administrator shutdown (57P01)',
        serverError('57P01', 'terminating connection due to administrator command'),
      ],
      ['a crash shutdown (57P02)', serverError('57P02', 'terminating connection because of crash')],
      ['a server starting up (57P03)', serverError('57P03', 'the database system is starting up')],
      ['too many connections (53300)', serverError('53300', 'sorry, too many clients already')],
      ['a connection exception class 08 (08006)', serverError('08006', 'connection failure')],
      [
        'a pool acquire timeout',
        new knex.KnexTimeoutError(
          'Knex: Timeout acquiring a connection. The pool is probably full.',
        ),
      ],
      [
        'a pool acquire timeout converted by MikroORM',
        converted(
          new knex.KnexTimeoutError(
            'Knex: Timeout acquiring a connection. The pool is probably full.',
          ),
        ),
      ],
      ['a MikroORM ConnectionException', new ConnectionException(new Error('connection lost'))],
      [
        'a refused connection further down a cause chain',
        new Error('could not load the session', {
          cause: new Error('query failed', { cause: socketError('ECONNREFUSED') }),
        }),
      ],
      [
        'refused connections aggregated over several addresses',
        new AggregateError([socketError('ECONNREFUSED')], ''),
      ],
    ])('%s', (_what, error) => {
      expect(databaseUnreachableReason(error)).toEqual(expect.any(String));
    });
  });

  it('names the code and the message in its reason', () => {
    expect(databaseUnreachableReason(socketError('ECONNREFUSED'))).toBe(
      'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432',
    );
  });

  describe('leaves other failures alone', () => {
    it.each([
      ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
      [
        'a unique violation',
        converted(serverError('23505', 'duplicate key value violates unique constraint')),
      ],
      [
        'a UniqueConstraintViolationException',
        new UniqueConstraintViolationException(new Error('dup')),
      ],
      ['a syntax error', serverError('42601', 'syntax error at or near "selec"')],
      ['a serialization failure', serverError('40001', 'could not serialize access')],
      [
        'a cause chain without a connection failure',
        new Error('outer', { cause: new Error('inner') }),
      ],
      ['a string', 'ECONNREFUSED'],
      ['null', null],
      ['undefined', undefined],
    ])('%s', (_what, error) => {
      expect(databaseUnreachableReason(error)).toBeUndefined();
    });

    it('a cause chain that loops back on itself', () => {
      const error: Error & { cause?: unknown } = new Error('outer');
      error.cause = new Error('inner', { cause: error });
      expect(databaseUnreachableReason(error)).toBeUndefined();
    });
  });
});
