import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { AttendeeNotices } from './application/attendee-notices';
import { SessionSeats } from './application/session-seats';
import { ApplyForSeatsHandler } from './application/commands/apply-for-seats/apply-for-seats.handler';
import { ApplyOnPaperHandler } from './application/commands/apply-on-paper/apply-on-paper.handler';
import { ReleaseWithdrawnAccountHandler } from './application/commands/release-withdrawn-account/release-withdrawn-account.handler';
import { ReleaseSeatsOnAccountWithdrawnHandler } from './application/event-handlers/release-seats-on-account-withdrawn.handler';
import { CancelSeatsHandler } from './application/commands/cancel-seats/cancel-seats.handler';
import { ChangeCourseHandler } from './application/commands/change-course/change-course.handler';
import { CloseSessionHandler } from './application/commands/close-session/close-session.handler';
import { CompleteAttendeesHandler } from './application/commands/complete-attendees/complete-attendees.handler';
import { ConfirmAttendeesHandler } from './application/commands/confirm-attendees/confirm-attendees.handler';
import { CreateCourseHandler } from './application/commands/create-course/create-course.handler';
import { OpenSessionHandler } from './application/commands/open-session/open-session.handler';
import { ScheduleSessionHandler } from './application/commands/schedule-session/schedule-session.handler';
import { EnrollmentsSettings } from './application/enrollments-settings';
import { GetApplicationHandler } from './application/queries/get-application/get-application.handler';
import { GetCourseHandler } from './application/queries/get-course/get-course.handler';
import {
  GetSessionDetailHandler,
  GetSessionHandler,
} from './application/queries/get-session/get-session.handler';
import { ListApplicationsHandler } from './application/queries/list-applications/list-applications.handler';
import { ListCoursesHandler } from './application/queries/list-courses/list-courses.handler';
import { ListOpenSessionsHandler } from './application/queries/list-open-sessions/list-open-sessions.handler';
import { AdminEnrollmentsController } from './http/admin-enrollments.controller';
import { EnrollmentsCatalogueController } from './http/enrollments-catalogue.controller';
import { MyApplicationsController } from './http/my-applications.controller';
import { Application, Attendee } from './domain/application.entity';
import { Course } from './domain/course.entity';
import { CourseSession } from './domain/course-session.entity';
import { PaperApplicationsController } from './http/paper-applications.controller';
import { ENROLLMENTS_MAIL_TEMPLATES } from './enrollments.mail-templates';
import { ApplicationRepository } from './infrastructure/application.repository';
import { CourseSessionRepository } from './infrastructure/course-session.repository';
import { CourseRepository } from './infrastructure/course.repository';
import { EnrollmentsReadModel } from './infrastructure/enrollments.read-model';
import { RecordDueQaRemindersHandler } from './application/commands/record-due-qa-reminders/record-due-qa-reminders.handler';
import { GetAttendeeDocumentHandler } from './application/queries/get-attendee-document/get-attendee-document.handler';
import { GetQaEntitlementHandler } from './application/queries/get-qa-entitlement/get-qa-entitlement.handler';
import { VerifyCertificateHandler } from './application/queries/verify-certificate/verify-certificate.handler';
import { DocumentIssuerProvider } from './infrastructure/documents/document-issuer';
import { PdfDocumentRenderer } from './infrastructure/documents/pdf-document-renderer';
import { QA_REMINDER_QUEUE, QaReminderScheduler } from './infrastructure/qa-reminder.scheduler';
import { CertificatesController } from './http/certificates.controller';
import { EnrollmentDocumentsController } from './http/enrollment-documents.controller';
import { QaEntitlementsController } from './http/qa-entitlements.controller';
import { QaServiceGuard } from './http/qa-service.guard';

/** The course catalogue, applications and their attendees, tickets, certificates, QA (issue 15). */
@Module({
  imports: [
    MikroOrmModule.forFeature([Course, CourseSession, Application, Attendee]),
    SettingsModule.forContext(EnrollmentsSettings),
    MailModule.forTemplates(ENROLLMENTS_MAIL_TEMPLATES),
    BullModule.registerQueue({ name: QA_REMINDER_QUEUE }),
  ],
  controllers: [
    EnrollmentsCatalogueController,
    MyApplicationsController,
    AdminEnrollmentsController,
    PaperApplicationsController,
    EnrollmentDocumentsController,
    CertificatesController,
    QaEntitlementsController,
  ],
  providers: [
    CourseRepository,
    CourseSessionRepository,
    ApplicationRepository,
    EnrollmentsReadModel,
    AttendeeNotices,
    SessionSeats,
    ApplyForSeatsHandler,
    CreateCourseHandler,
    ChangeCourseHandler,
    ScheduleSessionHandler,
    OpenSessionHandler,
    CloseSessionHandler,
    ConfirmAttendeesHandler,
    CompleteAttendeesHandler,
    CancelSeatsHandler,
    ListOpenSessionsHandler,
    ListCoursesHandler,
    GetCourseHandler,
    GetSessionHandler,
    GetSessionDetailHandler,
    GetApplicationHandler,
    ListApplicationsHandler,
    ApplyOnPaperHandler,
    ReleaseWithdrawnAccountHandler,
    ReleaseSeatsOnAccountWithdrawnHandler,
    // Documents, the public certificate check, the QA service and its reminder (ADR 0090).
    PdfDocumentRenderer,
    DocumentIssuerProvider,
    GetAttendeeDocumentHandler,
    VerifyCertificateHandler,
    GetQaEntitlementHandler,
    QaServiceGuard,
    RecordDueQaRemindersHandler,
    QaReminderScheduler,
  ],
})
export class EnrollmentsModule {}
