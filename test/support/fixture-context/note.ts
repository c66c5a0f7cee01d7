import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot, DomainEvent } from '@app/ddd';
import { randomUUID } from 'node:crypto';

export class NoteWritten extends DomainEvent<{
  noteId: string;
  text: string;
  email: string;
  language: string;
}> {
  static readonly TYPE = 'fixture.note-written';
  readonly type = NoteWritten.TYPE;

  constructor(noteId: string, text: string, email: string, language: string, pin: string) {
    super(noteId, { noteId, text, email, language }, { pin });
  }
}

/** A tiny aggregate used only by tests of the platform (outbox, audit, mail). */
@Entity({ schema: 'fixture', tableName: 'note' })
export class Note extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string' })
  text!: string;

  static write(text: string, email: string, language = 'ja', pin = '424242'): Note {
    const note = new Note();
    note.text = text;
    note.record(new NoteWritten(note.id, text, email, language, pin));
    return note;
  }
}

export const CREATE_FIXTURE_SCHEMA = [
  'create schema if not exists "fixture"',
  'create table if not exists "fixture"."note" ("id" uuid primary key, "text" varchar(255) not null)',
];
