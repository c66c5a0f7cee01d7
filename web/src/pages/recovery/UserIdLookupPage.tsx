import { PlaceholderPage } from '../../components/PlaceholderPage';

export function UserIdLookupPage() {
  return <PlaceholderPage title="recovery.userIdTitle" text="recovery.placeholder" />;
}
