import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Application, Attendee } from '../domain/application.entity';
import { applicationNumber } from '../domain/document-numbers';

@Injectable()
export class ApplicationRepository {
  add(em: EntityManager, application: Application): void {
    em.persist(application);
  }

  async nextNumber(em: EntityManager): Promise<string> {
    const [row] = await em.execute<{ value: string }[]>(
      `select nextval('"enrollments"."application_number_seq"') as "value"`,
    );
    return applicationNumber(Number(row.value));
  }

  /** The application with its attendees, its row locked until the transaction ends. */
  async lock(em: EntityManager, applicationId: string): Promise<Application | null> {
    const application = await em.findOne(
      Application,
      { id: applicationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (application) await application.attendees.init({ refresh: true });
    return application;
  }

  /**
   * The applications holding these attendees of the session, each locked (in one order, so two
   * staff actions on overlapping lists cannot deadlock), with their attendees. Attendees of
   * another session, or unknown, are answered in `strangers`.
   */
  async lockHoldersOf(
    em: EntityManager,
    sessionId: string,
    attendeeIds: string[],
  ): Promise<{ applications: Application[]; strangers: string[] }> {
    const found = await em.find(
      Attendee,
      { id: { $in: attendeeIds }, sessionId },
      { fields: ['id', 'application'] },
    );
    const known = new Set(found.map((attendee) => attendee.id));
    const strangers = attendeeIds.filter((id) => !known.has(id));
    const applicationIds = [...new Set(found.map((attendee) => attendee.application.id))].sort();
    const applications: Application[] = [];
    for (const id of applicationIds) {
      const application = await this.lock(em, id);
      if (application) applications.push(application);
    }
    return { applications, strangers };
  }

  /** The applications with a live seat the account applied for or holds, locked, with attendees. */
  async lockLiveOf(em: EntityManager, accountId: string): Promise<Application[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select distinct a."id" from "enrollments"."application" a join "enrollments"."attendee" t on t."application_id" = a."id" ` +
        `where t."status" in ('received', 'confirmed') and (a."applicant_account_id" = ? or t."account_id" = ?) order by a."id"`,
      [accountId, accountId],
    );
    const applications: Application[] = [];
    for (const { id } of rows) {
      const application = await this.lock(em, id);
      if (application) applications.push(application);
    }
    return applications;
  }

  /**
   * The applications a withdrawal of the account still has something to do in (ADR 0091): a live
   * seat it applied for or holds, or personal data of its own seats, of the seats without an account
   * that it applied for, or its name as the applicant. Locked in one order, with their attendees.
   */
  async lockConcerning(em: EntityManager, accountId: string): Promise<Application[]> {
    const rows = await em.execute<{ id: string }[]>(
      `select distinct a."id" from "enrollments"."application" a ` +
        `join "enrollments"."attendee" t on t."application_id" = a."id" ` +
        `where (t."account_id" = ? and (t."status" in ('received', 'confirmed') or t."name" is not null or t."name_kana" is not null or t."email" is not null)) ` +
        `or (a."applicant_account_id" = ? and (a."applicant_name" is not null or t."status" in ('received', 'confirmed') ` +
        `or (t."account_id" is null and (t."name" is not null or t."name_kana" is not null or t."email" is not null)))) ` +
        `order by a."id"`,
      [accountId, accountId],
    );
    const applications: Application[] = [];
    for (const { id } of rows) {
      const application = await this.lock(em, id);
      if (application) applications.push(application);
    }
    return applications;
  }
}
