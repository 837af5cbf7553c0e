import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SUBMISSION_STATES, type SubmissionState } from '../document-states.js';

export class ListSubmissionsQuery {
  /** Only this state; officials see drafts only when they ask for them. */
  @IsOptional()
  @IsIn(SUBMISSION_STATES)
  state?: SubmissionState;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;
}
