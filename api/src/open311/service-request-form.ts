import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { type FieldFailure, validationFailures } from '../common/validation-failures.js';
import { CreateComplaintDto } from '../complaints/dto/create-complaint.dto.js';
import { ServiceRequestForm } from './dto/service-request.form.js';

/** `attribute[code]` for one value, `attribute[code][]` for each key of a multivaluelist. */
const ATTRIBUTE_FIELD = /^attribute\[([A-Za-z0-9_.-]{1,64})\](\[\])?$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const VALIDATION = { whitelist: true, forbidNonWhitelisted: true } as const;

/**
 * Turns a GeoReport v2 form into the CreateComplaintDto the portal's API files with, checked by the same rules,
 * so that both channels file through ComplaintsService.file(). The spec's personal fields are dropped here.
 */
@Injectable()
export class ServiceRequestForms {
  constructor(private readonly city: CityService) {}

  /** The form as the complaint it files; the whole form is checked and every failing field reported at once. */
  toComplaint(body: unknown): CreateComplaintDto {
    const fields: Record<string, unknown> = {};
    const attributes: Record<string, unknown> = {};
    const failures: FieldFailure[] = [];
    for (const [name, value] of Object.entries(isRecord(body) ? body : {})) {
      // Form clients send empty fields for what they do not know.
      if (value === '') continue;
      const attribute = ATTRIBUTE_FIELD.exec(name);
      if (attribute?.[1]) attributes[attribute[1]] = attribute[2] ? [value].flat() : value;
      else if (name.startsWith('attribute')) failures.push({ field: name, rules: ['whitelistValidation'] });
      else fields[name] = value;
    }
    const form = plainToInstance(ServiceRequestForm, fields);
    failures.push(...validationFailures(validateSync(form, VALIDATION)));
    if (failures.length > 0) throw new DomainError('VALIDATION_FAILED', {}, { fields: failures });

    const service = this.city.servicesOfKind('complaint').find((candidate) => candidate.open311Code === form.service_code);
    if (!service) throw new DomainError('COMPLAINT_UNKNOWN_SERVICE');
    const dto = plainToInstance(CreateComplaintDto, {
      serviceId: service.id,
      description: form.description,
      location: {
        lat: numeric(form.lat),
        long: numeric(form.long),
        address: form.address_string,
        placeId: form.address_id,
        buildingId: form.building_id,
        floor: numeric(form.floor),
        altitude: numeric(form.altitude),
      },
      contactEmail: form.email,
      mediaUrl: form.media_url,
      attributes,
    });
    const problems = validationFailures(validateSync(dto, VALIDATION));
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', {}, { fields: problems });
    return dto;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number as a form sends it; anything else stays as sent, for the DTO's rules to refuse. */
function numeric(value: string | undefined): number | string | undefined {
  return value !== undefined && NUMERIC.test(value.trim()) ? Number(value) : value;
}
