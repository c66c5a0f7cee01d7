import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import { CourseChanged, CourseCreated } from './enrollments.events';
import type { CourseKind } from './enrollments.events';

export const COURSE_KINDS = ['classroom', 'elearning'] as const;
export const COURSE_CODE = /^[A-Za-z0-9-]{3,20}$/;
export const COURSE_TITLE_MAX_LENGTH = 200;

export interface CourseInput {
  code: string;
  title: string;
  kind: CourseKind;
  qaEligible: boolean;
}

/** A course of the catalogue. Its code is unique whatever its case (a unique index on lower(code)). */
@Entity({ schema: 'enrollments', tableName: 'course' })
export class Course extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  code!: string;

  @Property({ type: 'string', length: COURSE_TITLE_MAX_LENGTH })
  title!: string;

  @Property({ type: 'string', length: 16 })
  kind!: CourseKind;

  @Property({ type: 'boolean' })
  qaEligible = false;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date = new Date();

  static create(input: CourseInput, byAccountId: string | null): Course {
    const course = Object.assign(new Course(), {
      code: input.code,
      title: input.title,
      kind: input.kind,
      qaEligible: input.qaEligible,
    });
    course.record(
      new CourseCreated({
        courseId: course.id,
        code: course.code,
        title: course.title,
        kind: course.kind,
        qaEligible: course.qaEligible,
        byAccountId,
      }),
    );
    return course;
  }

  /** Records only what changed; nothing when nothing did. */
  change(changes: { title?: string; qaEligible?: boolean }, byAccountId: string | null): void {
    const changedFields: string[] = [];
    if (changes.title !== undefined && changes.title !== this.title) {
      this.title = changes.title;
      changedFields.push('title');
    }
    if (changes.qaEligible !== undefined && changes.qaEligible !== this.qaEligible) {
      this.qaEligible = changes.qaEligible;
      changedFields.push('qaEligible');
    }
    if (changedFields.length === 0) return;
    this.record(
      new CourseChanged({
        courseId: this.id,
        code: this.code,
        title: this.title,
        qaEligible: this.qaEligible,
        changedFields,
        byAccountId,
      }),
    );
  }
}
