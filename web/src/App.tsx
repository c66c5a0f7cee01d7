import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n/i18n';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { VerifyCertificatePage } from './pages/certificates/VerifyCertificatePage';
import { ConsolePage } from './pages/console/ConsolePage';
import { ContactPage } from './pages/contact/ContactPage';
import { CoursesPage } from './pages/courses/CoursesPage';
import { LoginPage } from './pages/login/LoginPage';
import { MembersPage } from './pages/members/MembersPage';
import { MyPage } from './pages/my-page/MyPage';
import { NotFoundPage } from './pages/not-found/NotFoundPage';
import { PasswordReissuePage } from './pages/recovery/PasswordReissuePage';
import { UserIdLookupPage } from './pages/recovery/UserIdLookupPage';
import { RegisterPage } from './pages/register/RegisterPage';

/** One route per page; each page lives in its own folder under pages/. */
export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Layout>
          <Routes>
            <Route path="/" element={<Navigate to="/mypage" replace />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/mypage" element={<MyPage />} />
            <Route path="/mypage/applications" element={<ApplicationsPage />} />
            <Route path="/courses" element={<CoursesPage />} />
            <Route path="/certificates/verify" element={<VerifyCertificatePage />} />
            <Route path="/recovery/user-id" element={<UserIdLookupPage />} />
            <Route path="/recovery/password" element={<PasswordReissuePage />} />
            <Route path="/contact" element={<ContactPage />} />
            <Route path="/group/members" element={<MembersPage />} />
            <Route path="/console/*" element={<ConsolePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout>
      </BrowserRouter>
    </I18nProvider>
  );
}
