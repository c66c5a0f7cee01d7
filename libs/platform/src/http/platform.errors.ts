import { domainError } from '@app/ddd';

export const ValidationFailedError = domainError('VALIDATION_FAILED', 'invalid', {
  ja: '入力内容に誤りがあります。各項目をご確認ください。',
  en: 'Some fields are invalid. Please check each field.',
});

export const MalformedRequestError = domainError('MALFORMED_REQUEST', 'invalid', {
  ja: 'リクエストの形式が正しくありません(JSON として読み取れない本文など)。',
  en: 'The request is malformed (for example, its body is not valid JSON).',
});

export const PayloadTooLargeError = domainError('PAYLOAD_TOO_LARGE', 'too_large', {
  ja: 'リクエストが大きすぎます。',
  en: 'The request body is too large.',
});

export const RouteNotFoundError = domainError('NOT_FOUND', 'not_found', {
  ja: '指定されたページまたはデータが見つかりません。',
  en: 'The requested resource was not found.',
});

export const TooManyRequestsError = domainError('TOO_MANY_ATTEMPTS', 'rate_limited', {
  ja: '短時間に多くの操作が行われました。しばらく時間をおいてから再度お試しください。',
  en: 'Too many attempts in a short time. Please wait a while and try again.',
});

export const ServiceUnavailableError = domainError('SERVICE_UNAVAILABLE', 'unavailable', {
  ja: 'ただいまサービスを利用できません。しばらくしてから再度お試しください。',
  en: 'The service is temporarily unavailable. Please try again later.',
});

export const InternalError = domainError('INTERNAL_ERROR', 'unavailable', {
  ja: '申し訳ありません。システムエラーが発生しました。しばらくしてから再度お試しください。',
  en: 'Sorry, an internal error occurred. Please try again later.',
});

export const UnsupportedMediaTypeError = domainError(
  'UNSUPPORTED_MEDIA_TYPE',
  'unsupported_media_type',
  {
    ja: 'リクエストの形式に対応していません。本文は JSON(Content-Type: application/json)で送信してください。',
    en: 'Unsupported request body type. Send the body as JSON (Content-Type: application/json).',
  },
);

export const NestingTooDeepError = domainError('NESTING_TOO_DEEP', 'invalid', {
  ja: 'リクエストの入れ子が深すぎます。',
  en: 'The request body is nested too deeply.',
});

export const HeadersTooLargeError = domainError('HEADERS_TOO_LARGE', 'headers_too_large', {
  ja: 'リクエストのヘッダーが大きすぎます。',
  en: 'The request headers are too large.',
});

export const RequestTimeoutError = domainError('REQUEST_TIMEOUT', 'timeout', {
  ja: 'リクエストの受信が時間内に完了しませんでした。もう一度お試しください。',
  en: 'The request was not received in time. Please try again.',
});
