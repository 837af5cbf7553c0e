import { HttpStatus } from '@nestjs/common';

/**
 * Every error code the API can answer with, and its HTTP status. Codes are stable and machine-readable;
 * each has a translated message at `errors:<CODE>` in every locale (a test checks it). A domain adds its
 * codes here, so the compiler holds the table complete for the one filter that maps them.
 */
export const errorStatus = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_BODY: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  METHOD_NOT_ALLOWED: HttpStatus.METHOD_NOT_ALLOWED,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  NOT_READY: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  // Identity and access
  AUTH_REQUIRED: HttpStatus.UNAUTHORIZED,
  AUTH_INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  AUTH_TOO_MANY_ATTEMPTS: HttpStatus.TOO_MANY_REQUESTS,
  AUTH_EMAIL_TAKEN: HttpStatus.CONFLICT,
  AUTH_PASSWORD_TOO_COMMON: HttpStatus.BAD_REQUEST,
  AUTH_PASSWORD_MISMATCH: HttpStatus.FORBIDDEN,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  CSRF_REJECTED: HttpStatus.FORBIDDEN,
  CITY_UNKNOWN_DEPARTMENT: HttpStatus.BAD_REQUEST,
  // Complaints
  COMPLAINT_UNKNOWN_SERVICE: HttpStatus.BAD_REQUEST,
  COMPLAINT_LOCATION_REQUIRED: HttpStatus.BAD_REQUEST,
  COMPLAINT_INVALID_TRANSITION: HttpStatus.CONFLICT,
  COMPLAINT_ASSIGNEE_NOT_IN_DEPARTMENT: HttpStatus.BAD_REQUEST,
} as const satisfies Record<string, HttpStatus>;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];
