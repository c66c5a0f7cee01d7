export { GetGroupQuery } from './application/queries/get-group/get-group.query';
export type { GroupView, MemberView } from './application/queries/member-view';
export {
  AdministratorAppointed,
  AdministratorSteppedDown,
  GroupCreated,
  GROUPS_EVENTS,
  MemberLeft,
  MemberProfileChanged,
  MemberRegistered,
  MemberTwoFactorRequirementChanged,
} from './domain/groups.events';
