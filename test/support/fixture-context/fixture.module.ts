import { EntityManager } from '@mikro-orm/postgresql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Body, Controller, Get, Module, OnModuleInit, Post, Query } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { IsEmail, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { defineMailTemplate, MailModule, stringField } from '../../../src/modules/mail/public-api';
import { Note, NoteWritten, CREATE_FIXTURE_SCHEMA } from './note';

export class WriteNoteCommand extends Command<string> {
  constructor(
    readonly text: string,
    readonly email: string,
    readonly failAfterWrite = false,
  ) {
    super();
  }
}

@CommandHandler(WriteNoteCommand)
export class WriteNoteHandler implements ICommandHandler<WriteNoteCommand> {
  constructor(private readonly transactions: TransactionRunner) {}

  execute(command: WriteNoteCommand): Promise<string> {
    return this.transactions.run(async (em) => {
      const note = Note.write(command.text, command.email);
      em.persist(note);
      await em.flush();
      if (command.failAfterWrite) throw new Error('use case failed after writing');
      return note.id;
    });
  }
}

class EchoDto {
  @IsString()
  @Length(1, 20)
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  count?: number;

  @IsOptional()
  @IsEmail()
  email?: string;
}

@Controller('fixture')
export class FixtureController {
  constructor(private readonly commands: CommandBus) {}

  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  /** Answers after a delay, to observe that shutdown lets in-flight requests finish. */
  @Get('slow')
  async slow(@Query('ms') ms: string): Promise<{ waited: number }> {
    const waited = Math.min(Number(ms) || 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, waited));
    return { waited };
  }

  @Post('notes')
  async write(@Body() body: { text: string; email: string }): Promise<{ id: string }> {
    return { id: await this.commands.execute(new WriteNoteCommand(body.text, body.email)) };
  }
}

const NOTE_MAIL = defineMailTemplate({
  event: NoteWritten.TYPE,
  ja: (context) => ({
    subject: 'メモが書かれました',
    lines: [stringField(context, 'text'), `PIN: ${stringField(context, 'pin')}`],
  }),
  en: (context) => ({
    subject: 'A note was written',
    lines: [stringField(context, 'text'), `PIN: ${stringField(context, 'pin')}`],
  }),
});

/** Test-only context: an aggregate with a mail-worthy event, and an endpoint with a DTO. */
@Module({
  imports: [MikroOrmModule.forFeature([Note]), MailModule.forTemplates([NOTE_MAIL])],
  controllers: [FixtureController],
  providers: [WriteNoteHandler],
})
export class FixtureModule implements OnModuleInit {
  constructor(private readonly em: EntityManager) {}

  async onModuleInit(): Promise<void> {
    for (const sql of CREATE_FIXTURE_SCHEMA) await this.em.getConnection().execute(sql);
  }
}
