import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Course } from '../domain/course.entity';

@Injectable()
export class CourseRepository {
  add(em: EntityManager, course: Course): void {
    em.persist(course);
  }

  /** The course, its row locked until the transaction ends. */
  lock(em: EntityManager, courseId: string): Promise<Course | null> {
    return em.findOne(
      Course,
      { id: courseId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  find(em: EntityManager, courseId: string): Promise<Course | null> {
    return em.findOne(Course, { id: courseId });
  }

  async codeTaken(em: EntityManager, code: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      'select "id" from "enrollments"."course" where lower("code") = lower(?) limit 1',
      [code],
    );
    return rows.length > 0;
  }
}
