import { PlaceholderPage } from '../../components/PlaceholderPage';

export function NotFoundPage() {
  return <PlaceholderPage title="app.notFoundTitle" text="app.notFound" />;
}
