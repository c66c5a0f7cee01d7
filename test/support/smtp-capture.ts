import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  headers: ParsedMail['headers'];
  raw: string;
}

/**
 * A real SMTP server on a free loopback port that keeps what it receives. `failNext(n)` makes it
 * refuse the next n messages with a temporary error, to exercise retries; `holdNext()` makes it take
 * in the next message and never answer it, a sender caught in the middle of its send.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private failures = 0;
  private hold: (() => void) | null = null;
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.hold) {
            // Never answered: not delivered, as SMTP has it, until the sender gets its 250.
            this.hold();
            this.hold = null;
            return;
          }
          if (this.failures > 0) {
            this.failures -= 1;
            const error = Object.assign(new Error('Temporary failure, try again later'), {
              responseCode: 451,
            });
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              const to = [parsed.to]
                .flat()
                .flatMap((a) => a?.value ?? [])
                .map((v) => v.address ?? '');
              this.messages.push({
                to,
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                headers: parsed.headers,
                raw,
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  failNext(count: number): void {
    this.failures = count;
  }

  /** Resolves once the next message has arrived in full and is being held unanswered. */
  holdNext(): Promise<void> {
    return new Promise((resolve) => (this.hold = resolve));
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  waitForMail(predicate: (mail: CapturedMail) => boolean, what = 'a mail'): Promise<CapturedMail> {
    return waitFor(() => this.messages.find(predicate), { what });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
