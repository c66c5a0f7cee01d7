import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { AttendeeNotices } from './application/attendee-notices';
import { ApplyForSeatsHandler } from './application/commands/apply-for-seats/apply-for-seats.handler';
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
import { ENROLLMENTS_MAIL_TEMPLATES } from './enrollments.mail-templates';
import { ApplicationRepository } from './infrastructure/application.repository';
import { CourseSessionRepository } from './infrastructure/course-session.repository';
import { CourseRepository } from './infrastructure/course.repository';
import { EnrollmentsReadModel } from './infrastructure/enrollments.read-model';

/** The course catalogue, applications and their attendees, tickets, certificates, QA (issue 15). */
@Module({
  imports: [
    MikroOrmModule.forFeature([Course, CourseSession, Application, Attendee]),
    SettingsModule.forContext(EnrollmentsSettings),
    MailModule.forTemplates(ENROLLMENTS_MAIL_TEMPLATES),
  ],
  controllers: [
    EnrollmentsCatalogueController,
    MyApplicationsController,
    AdminEnrollmentsController,
  ],
  providers: [
    CourseRepository,
    CourseSessionRepository,
    ApplicationRepository,
    EnrollmentsReadModel,
    AttendeeNotices,
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
  ],
})
export class EnrollmentsModule {}
