// Routes of the admin SPA. Public pages (sign-in, password reset, invitations, status, certificate
// verification) are open to everyone; everything else needs a session and sends signed-out visitors to
// /login?next=…. The public portal (/p/:networkSlug) has no app shell at all. Capabilities that are not built yet have no route: the navbar shows them
// as "coming soon" instead of linking to empty pages.
import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountPage } from '../features/account/account-page';
import { AuditPage } from '../features/audit/audit-page';
import { SecurityLogPage } from '../features/security-log/security-log-page';
import { HomePage } from '../features/home/home-page';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { LoginPage } from '../features/auth/login-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { EditGrantPage, NewGrantPage } from '../features/grants/grant-editor-page';
import { GrantApplicationsPage, GrantBookmarksPage, MyGrantsPage, SavedGrantSearchesPage } from '../features/grants/grant-lists-pages';
import { GrantPage } from '../features/grants/grant-page';
import { GrantsPage } from '../features/grants/grants-page';
import { MembersPage } from '../features/members/members-page';
import { DirectoryPage } from '../features/directory/directory-page';
import { EditServicePage, NewServicePage } from '../features/directory/service-editor-page';
import { ServicePage } from '../features/directory/service-page';
import { DirectoryExchangePage } from '../features/hsds/directory-exchange-page';
import { NotFoundPage } from '../features/not-found/not-found-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { CorrectPersonPage, EditPersonPage } from '../features/people/change-person-page';
import { NewPersonPage } from '../features/people/new-person-page';
import { PeoplePage } from '../features/people/people-page';
import { PersonPage } from '../features/people/person-page';
import { SharedPeoplePage } from '../features/people/shared-people-page';
import { ProvisionRecordsPage } from '../features/records/provision-records-page';
import { ReportsPage } from '../features/reports/reports-page';
import { EditReferralDraftPage, NewReferralPage } from '../features/referrals/new-referral-page';
import { ReferralDeadlinesPage } from '../features/referrals/referral-deadlines-page';
import { ReferralPage } from '../features/referrals/referral-page';
import { ReferralsPage } from '../features/referrals/referrals-page';
import { OrganizationProfilePage } from '../features/organizations/organization-profile-page';
import { OrganizationsPage } from '../features/organizations/organizations-page';
import { PortalAdminPage } from '../features/portal/portal-admin-page';
import { PortalPage } from '../features/portal/portal-page';
import { SecondFactorPolicyPage } from '../features/second-factor-policy/second-factor-policy-page';
import { EditPartnershipPage, NewPartnershipPage } from '../features/partnerships/partnership-editor-page';
import { PartnershipPage } from '../features/partnerships/partnership-page';
import { PartnershipsPage } from '../features/partnerships/partnerships-page';
import { NetworkMapPage } from '../features/partnerships/network-map-page';
import { AdminStatusPage, StatusPage } from '../features/status/status-page';
import {
  CourseEditorPage,
  MyCoursesPage,
  NewCoursePage,
  NewSessionPage,
  SessionEditorPage,
  TrainingReportsPage,
} from '../features/training/editor';
import { CataloguePage } from '../features/training/learning/catalogue-page';
import { CoursePage } from '../features/training/learning/course-page';
import { MyLearningPage } from '../features/training/learning/my-learning-page';
import { SessionPage } from '../features/training/learning/session-page';
import { SessionsPage } from '../features/training/learning/sessions-page';
import { VerifyCertificatePage } from '../features/training/learning/verify-page';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';

export function App() {
  return (
    <Routes>
      {/* The public portal has its own calm page: no app header, no navbar, no sign-in. */}
      <Route path="p/:networkSlug" element={<PortalPage />} />
      <Route element={<AppLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="status" element={<StatusPage />} />
        {/* Anyone holding a printed certificate checks its code here, signed in or not. */}
        <Route path="verify" element={<VerifyCertificatePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="home" element={<Navigate to="/" replace />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="directory" element={<DirectoryPage />} />
          <Route path="directory/services/new" element={<NewServicePage />} />
          <Route path="directory/services/:id" element={<ServicePage />} />
          <Route path="directory/services/:id/edit" element={<EditServicePage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/shared" element={<SharedPeoplePage />} />
          <Route path="people/new" element={<NewPersonPage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="people/:id/edit" element={<EditPersonPage />} />
          <Route path="people/:id/correct" element={<CorrectPersonPage />} />
          <Route path="records/provision" element={<ProvisionRecordsPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="referrals" element={<ReferralsPage />} />
          <Route path="referrals/new" element={<NewReferralPage />} />
          <Route path="referrals/:id" element={<ReferralPage />} />
          <Route path="referrals/:id/edit" element={<EditReferralDraftPage />} />
          <Route path="grants" element={<GrantsPage />} />
          <Route path="grants/new" element={<NewGrantPage />} />
          <Route path="grants/mine" element={<MyGrantsPage />} />
          <Route path="grants/saved" element={<SavedGrantSearchesPage />} />
          <Route path="grants/bookmarks" element={<GrantBookmarksPage />} />
          <Route path="grants/applications" element={<GrantApplicationsPage />} />
          <Route path="grants/:id" element={<GrantPage />} />
          <Route path="grants/:id/edit" element={<EditGrantPage />} />
          <Route path="training" element={<CataloguePage />} />
          <Route path="training/my" element={<MyLearningPage />} />
          <Route path="training/courses/:id" element={<CoursePage />} />
          <Route path="training/sessions" element={<SessionsPage />} />
          <Route path="training/sessions/new" element={<NewSessionPage />} />
          <Route path="training/sessions/:id" element={<SessionPage />} />
          <Route path="training/sessions/:id/edit" element={<SessionEditorPage />} />
          <Route path="training/manage" element={<MyCoursesPage />} />
          <Route path="training/manage/new" element={<NewCoursePage />} />
          <Route path="training/manage/:id" element={<CourseEditorPage />} />
          <Route path="training/reports" element={<TrainingReportsPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="partnerships" element={<PartnershipsPage />} />
          <Route path="partnerships/new" element={<NewPartnershipPage />} />
          <Route path="partnerships/:id" element={<PartnershipPage />} />
          <Route path="partnerships/:id/edit" element={<EditPartnershipPage />} />
          <Route path="network-map" element={<NetworkMapPage />} />
          <Route path="organization/members" element={<MembersPage />} />
          <Route path="organization/profile" element={<OrganizationProfilePage />} />
          <Route path="admin/organizations" element={<OrganizationsPage />} />
          <Route path="admin/portal" element={<PortalAdminPage />} />
          <Route path="admin/referrals" element={<ReferralDeadlinesPage />} />
          <Route path="admin/directory-exchange" element={<DirectoryExchangePage />} />
          <Route path="admin/audit" element={<AuditPage />} />
          <Route path="admin/security-log" element={<SecurityLogPage />} />
          <Route path="admin/second-factor" element={<SecondFactorPolicyPage />} />
          <Route path="admin/status" element={<AdminStatusPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
