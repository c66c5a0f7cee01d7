import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetSecondFactorSummarySqlQuery } from '../../../../accounts/public-api';
import { SECOND_FACTOR_SUMMARY_SQL } from '../../../infrastructure/second-factor-summary.sql';

/** Answers the accounts context's port for reading the summary inside its own statement. */
@QueryHandler(GetSecondFactorSummarySqlQuery)
export class GetSecondFactorSummarySqlHandler
  implements IQueryHandler<GetSecondFactorSummarySqlQuery>
{
  execute(): Promise<string> {
    return Promise.resolve(SECOND_FACTOR_SUMMARY_SQL);
  }
}
