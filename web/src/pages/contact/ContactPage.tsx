import { PlaceholderPage } from '../../components/PlaceholderPage';

export function ContactPage() {
  return <PlaceholderPage title="contact.title" text="contact.text" />;
}
