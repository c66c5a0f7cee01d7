export { GetGroupQuery } from './application/queries/get-group/get-group.query';
export {
  GetMembershipQuery,
  ListGroupMemberIdsQuery,
} from './application/queries/get-membership/get-membership.query';
export type { MembershipView } from './application/queries/get-membership/get-membership.query';
export type { GroupView, MemberView } from './application/queries/member-view';
export {
  AdministratorAppointed,
  AdministratorSteppedDown,
  GroupCreated,
  MemberLeft,
  MemberProfileChanged,
  MemberRegistered,
  MemberTwoFactorRequirementChanged,
  MemberWithdrawnByAdministrator,
} from './domain/groups.events';
export type {
  AdministratorAppointedPayload,
  AdministratorSteppedDownPayload,
  GroupChangePayload,
  GroupCreatedPayload,
  MemberLeftPayload,
  MemberProfileChangedPayload,
  MemberRegisteredPayload,
  MemberTwoFactorRequirementChangedPayload,
  MemberWithdrawnByAdministratorPayload,
} from './domain/groups.events';
export { MemberNotFoundError } from './domain/groups.errors';
