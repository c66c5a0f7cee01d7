import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DomainErrorClass } from '@app/ddd';
import { STATUS_BY_KIND } from './http-status';
import {
  HeadersTooLargeError,
  MalformedRequestError,
  PayloadTooLargeError,
  RequestTimeoutError,
} from './platform.errors';

const REFUSAL_BY_PARSER_CODE: Record<string, DomainErrorClass> = {
  HPE_HEADER_OVERFLOW: HeadersTooLargeError,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: PayloadTooLargeError,
  ERR_HTTP_REQUEST_TIMEOUT: RequestTimeoutError,
};

/**
 * Node's HTTP parser refuses some requests (oversized headers, smuggling attempts, bytes that are not
 * HTTP) before any request object exists, and by default answers them with a bare status line. This
 * answers them in the API's error shape instead, with the same statuses Node would use. There are no
 * request headers to negotiate a language from, so the message is the default Japanese one.
 */
export function answerParserRefusalsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node itself does: no answer when the peer is gone or a response is already on the wire.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      socket.write(refusal(REFUSAL_BY_PARSER_CODE[error.code ?? ''] ?? MalformedRequestError));
    }
    socket.destroy();
  });
}

function refusal(Refusal: DomainErrorClass): string {
  const { definition } = new Refusal();
  const status = STATUS_BY_KIND[definition.kind];
  const body = JSON.stringify({ code: definition.code, message: definition.message.ja });
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Content-Language: ja\r\n' +
    'Cache-Control: no-store\r\n' +
    'Connection: close\r\n' +
    `\r\n${body}`
  );
}
