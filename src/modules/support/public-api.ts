// Nothing depends on support (it is the last of the arrows, ADR 0080); its events are public so
// that a future context could react to them.
export {
  ContactRateLimited,
  SupportRequestAnswered,
  SupportRequestClosed,
  SupportRequestReceived,
  SupportRequestTaken,
} from './domain/support.events';
export type {
  ContactRateLimitedPayload,
  SupportRequestAnsweredPayload,
  SupportRequestClosedPayload,
  SupportRequestReceivedPayload,
  SupportRequestTakenPayload,
} from './domain/support.events';
export type { SupportCategory, SupportStatus } from './domain/support-request-category';
