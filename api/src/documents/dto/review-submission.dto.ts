import { IsIn, IsString, MaxLength, MinLength, NotContains, ValidateIf } from 'class-validator';
import { REASON_REQUIRED } from '../document-states.js';

const REVIEW_STATES = ['in_review', 'approved', 'rejected', 'needs_more'] as const;

/** An official's step: take it into review, then approve, reject or ask for more. Rejecting and asking say why. */
export class ReviewSubmissionDto {
  @IsIn(REVIEW_STATES)
  state!: (typeof REVIEW_STATES)[number];

  @ValidateIf((dto: ReviewSubmissionDto) => REASON_REQUIRED.includes(dto.state) || dto.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @NotContains('<')
  reason?: string;
}
