import { PlaceholderPage } from '../../components/PlaceholderPage';

export function PasswordReissuePage() {
  return <PlaceholderPage title="recovery.passwordTitle" text="recovery.placeholder" />;
}
