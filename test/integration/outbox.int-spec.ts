import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import { CommandBus } from '@nestjs/cqrs';
import { OutboxMessage, OutboxRelay, RequestContext } from '@app/platform';
import type { Queue } from 'bull';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { FixtureModule, WriteNoteCommand } from '@test/support/fixture-context/fixture.module';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('outbox → audit and mail (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let em: EntityManager;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '3' },
      imports: [FixtureModule],
    });
    em = t.app.get(EntityManager).fork();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const write = (text: string, email: string, failAfterWrite = false) =>
    t.app.get(RequestContext).run(
      {
        clientIp: '203.0.113.7',
        userAgent: 'jest',
        requestId: 'req-outbox-test',
        actorAccountId: '00000000-0000-4000-8000-000000000001',
      },
      () => t.app.get(CommandBus).execute(new WriteNoteCommand(text, email, failAfterWrite)),
    );

  const auditOf = (noteId: string) => em.fork().find(AuditRecord, { subjectAccountId: noteId });

  it('delivers a committed event to the audit trail with its metadata, and its mail over SMTP', async () => {
    const noteId = await write('hello', 'taro@example.jp');

    const [record] = await waitFor(
      async () => {
        const rows = await auditOf(noteId);
        return rows.length > 0 && rows;
      },
      { what: 'the audit record' },
    );
    expect(record).toMatchObject({
      type: 'fixture.note-written',
      actorAccountId: '00000000-0000-4000-8000-000000000001',
      clientIp: '203.0.113.7',
      userAgent: 'jest',
      requestId: 'req-outbox-test',
      payload: { noteId, text: 'hello', email: 'taro@example.jp' },
    });
    expect(JSON.stringify(record.payload)).not.toContain('424242');

    const mail = await smtp.waitForMail((m) => m.to.includes('taro@example.jp'));
    expect(mail.subject).toBe('【研修ポータル】メモが書かれました');
    expect(mail.text).toContain('PIN: 424242');
    expect(mail.headers.get('x-event-id')).toBe(record.eventId);

    // Delivered once every consumer acknowledged; the mail consumer's acknowledgement erased the PIN.
    const message = await waitFor(async () => {
      const row = await em.fork().findOneOrFail(OutboxMessage, { eventId: record.eventId });
      return row.relayAt === null && row;
    });
    expect(message.publishedAt).toBeInstanceOf(Date);
    expect(message.pendingConsumers).toEqual([]);
    expect(message.secrets).toBeNull();
  });

  it('leaves no outbox row, audit row or mail when the use case rolls back', async () => {
    const before = await em.fork().count(OutboxMessage, {});
    await expect(write('never', 'rollback@example.jp', true)).rejects.toThrow(
      'use case failed after writing',
    );
    expect(await em.fork().count(OutboxMessage, {})).toBe(before);

    // A committed event written afterwards proves the pipeline ran past the point where the
    // rolled-back one would have been delivered.
    const later = await write('after rollback', 'later@example.jp');
    await smtp.waitForMail((m) => m.to.includes('later@example.jp'));
    await waitFor(async () => (await auditOf(later)).length === 1);
    expect(await em.fork().count(AuditRecord, { payload: { text: 'never' } })).toBe(0);
    expect(smtp.to('rollback@example.jp')).toHaveLength(0);
  });

  it('absorbs redelivery: a relayed-again event adds no audit row and sends no second mail', async () => {
    const noteId = await write('once', 'once@example.jp');
    await smtp.waitForMail((m) => m.to.includes('once@example.jp'));
    const [record] = await waitFor(async () => {
      const rows = await auditOf(noteId);
      return rows.length > 0 && rows;
    });

    // As if relayed for the first time again: every consumer receives it once more.
    const delivered = async () =>
      (await em.fork().findOneOrFail(OutboxMessage, { eventId: record.eventId })).relayAt === null;
    await waitFor(delivered);
    await em
      .fork()
      .nativeUpdate(
        OutboxMessage,
        { eventId: record.eventId },
        { pendingConsumers: null, relayAt: new Date(0) },
      );
    await waitFor(delivered, { what: 'the event relayed and acknowledged again' });
    await t.app.get(OutboxRelay).relayBatch();
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    await waitFor(
      async () =>
        (await mailQueue.getJobCounts()).active === 0 &&
        (await mailQueue.getJobCounts()).waiting === 0,
    );

    expect(await auditOf(noteId)).toHaveLength(1);
    expect(smtp.to('once@example.jp')).toHaveLength(1);
  });

  it('retries a mail the SMTP server refuses, and keeps it in the failed set after the last attempt', async () => {
    smtp.failNext(2);
    await write('retried', 'retry@example.jp');
    await smtp.waitForMail((m) => m.to.includes('retry@example.jp'), 'the retried mail');

    smtp.failNext(3);
    const noteId = await write('undeliverable', 'fail@example.jp');
    const [record] = await waitFor(async () => {
      const rows = await auditOf(noteId);
      return rows.length > 0 && rows;
    });
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    const failed = await waitFor(
      async () => (await mailQueue.getFailed()).find((job) => job.id === record.eventId),
      {
        what: 'the mail job in the failed set',
      },
    );
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toContain('Temporary failure');
    expect(smtp.to('fail@example.jp')).toHaveLength(0);
  });
});
