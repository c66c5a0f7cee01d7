import type { Queue } from 'bull';
import type { OutboxSubscription } from './delivered-event';
import { OutboxMessage } from './outbox-message.entity';
import { planRelay } from './relay-plan';

const subscription = (
  name: string,
  accepts: (type: string) => boolean,
  includeSecrets = false,
): OutboxSubscription => ({ queue: { name } as Queue, accepts, includeSecrets });

const audit = subscription('audit', () => true);
const mail = subscription('mail', (type) => type === 'accounts.account-registered', true);
const reactions = subscription('domain-events', (type) => type === 'accounts.account-withdrawn');

function aMessage(type: string, pendingConsumers: string[] | null = null): OutboxMessage {
  const message = new OutboxMessage();
  message.position = String(Math.floor(Math.random() * 1e9));
  message.eventId = `event-${message.position}`;
  message.type = type;
  message.payload = {};
  message.secrets = { temporaryPassword: 'Secret123' };
  message.metadata = { actorAccountId: null, clientIp: null, userAgent: null, requestId: null };
  message.occurredAt = new Date('2026-12-01T00:00:00Z');
  message.pendingConsumers = pendingConsumers;
  return message;
}

const jobsOf = (plan: ReturnType<typeof planRelay>, queue: string) =>
  plan.deliveries.find((d) => d.subscription.queue.name === queue)?.jobs ?? [];

describe('planRelay', () => {
  const subscriptions = [audit, mail, reactions];

  it('hands a message relayed for the first time to every subscription that accepts its type', () => {
    const registered = aMessage('accounts.account-registered');
    const plan = planRelay([registered], subscriptions);

    expect(plan.pending).toEqual([{ position: registered.position, consumers: ['audit', 'mail'] }]);
    expect(jobsOf(plan, 'audit').map((j) => j.opts.jobId)).toEqual([registered.eventId]);
    expect(jobsOf(plan, 'mail').map((j) => j.opts.jobId)).toEqual([registered.eventId]);
    expect(jobsOf(plan, 'domain-events')).toHaveLength(0);
    expect(plan.deliveries.flatMap((d) => d.relayedBefore)).toEqual([]);
  });

  it('relays a message again only to the consumers that have not acknowledged it', () => {
    const registered = aMessage('accounts.account-registered', ['mail']);
    const plan = planRelay([registered], subscriptions);

    expect(plan.pending).toEqual([{ position: registered.position, consumers: ['mail'] }]);
    expect(plan.deliveries.map((d) => d.subscription.queue.name)).toEqual(['mail']);
    expect(plan.deliveries[0].relayedBefore).toEqual([registered.eventId]);
  });

  it('gives secrets to the subscriptions that include them and to no other', () => {
    const plan = planRelay([aMessage('accounts.account-registered')], subscriptions);

    expect(jobsOf(plan, 'mail')[0].data.secrets).toEqual({ temporaryPassword: 'Secret123' });
    expect(jobsOf(plan, 'audit')[0].data).not.toHaveProperty('secrets');
  });

  it('keeps pending a consumer that no subscription of this instance serves, without a job', () => {
    const message = aMessage('accounts.account-registered', ['mail', 'newer-consumer']);
    const plan = planRelay([message], subscriptions);

    expect(plan.pending[0].consumers).toEqual(['mail', 'newer-consumer']);
    expect(plan.deliveries.map((d) => d.subscription.queue.name)).toEqual(['mail']);
  });

  it('leaves nobody pending for a message no subscription accepts', () => {
    const message = aMessage('fixture.nobody-listens');
    const plan = planRelay([message], [mail, reactions]);

    expect(plan.pending).toEqual([{ position: message.position, consumers: [] }]);
    expect(plan.deliveries).toHaveLength(0);
  });
});
