import { PassThrough } from 'node:stream';
import { Controller, Get, Logger, Param, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, ErrorResponseDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { GetAttendeeDocumentQuery } from '../application/queries/get-attendee-document/get-attendee-document.query';
import type { AttendeeDocument } from '../application/queries/get-attendee-document/get-attendee-document.query';
import { DocumentIssuerProvider } from '../infrastructure/documents/document-issuer';
import { PdfDocumentRenderer } from '../infrastructure/documents/pdf-document-renderer';
import { AttendeeDocumentParamsDto } from './documents.dto';

const PDF = { description: 'application/pdf (A4), streamed', content: { 'application/pdf': {} } };

/** The attendance ticket and completion certificate of one attendee, rendered on request. */
@ApiTags('enrollments')
@Controller('me/applications/:id/attendees/:attendeeId')
@Authenticated()
@ApiProduces('application/pdf')
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
export class EnrollmentDocumentsController {
  private readonly logger = new Logger(EnrollmentDocumentsController.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly renderer: PdfDocumentRenderer,
    private readonly issuer: DocumentIssuerProvider,
  ) {}

  @Get('ticket.pdf')
  @ApiOperation({
    summary: 'The attendance ticket (受講票) of a confirmed attendee of a classroom session',
    description: 'For the applicant account, and for the attendee’s own account (self, member).',
  })
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'APPLICATION_NOT_FOUND (also for another account’s), TICKET_NOT_ISSUED',
  })
  ticket(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AttendeeDocumentParamsDto,
  ): Promise<StreamableFile> {
    return this.document(actor, params, 'ticket');
  }

  @Get('certificate.pdf')
  @ApiOperation({
    summary: 'The completion certificate (修了証) of a completed attendee',
    description: 'For the applicant account, and for the attendee’s own account (self, member).',
  })
  @ApiOkResponse(PDF)
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'APPLICATION_NOT_FOUND (also for another account’s), CERTIFICATE_NOT_ISSUED',
  })
  certificate(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: AttendeeDocumentParamsDto,
  ): Promise<StreamableFile> {
    return this.document(actor, params, 'certificate');
  }

  /** Refusals are decided before the first byte; the PDF then goes out as pdfkit writes it. */
  private async document(
    actor: AuthenticatedActor,
    params: AttendeeDocumentParamsDto,
    kind: AttendeeDocument['kind'],
  ): Promise<StreamableFile> {
    const document = await this.queries.execute(
      new GetAttendeeDocumentQuery(actor.accountId, params.id, params.attendeeId, kind),
    );
    const issuer = this.issuer.issuer();
    const body = new PassThrough();
    const rendering =
      document.kind === 'ticket'
        ? this.renderer.renderTicket(document.ticket, issuer, body)
        : this.renderer.renderCertificate(document.certificate, issuer, body);
    rendering.catch((error: Error) => this.logger.error(`PDF rendering failed: ${error.message}`));
    const number =
      document.kind === 'ticket'
        ? document.ticket.ticketNumber
        : document.certificate.certificateNumber;
    return new StreamableFile(body, {
      type: 'application/pdf',
      disposition: `inline; filename="${kind}-${number}.pdf"`,
    });
  }
}
