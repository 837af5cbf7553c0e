import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CivicCase } from '../cases/civic-case.entity.js';
import type { ComplaintService } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { isoInZone } from '../common/zoned-time.js';
import { sha256 } from '../common/sha256.js';
import { ComplaintEvent } from '../complaints/complaint-event.entity.js';
import { OPEN_STATUSES } from '../complaints/complaint-lifecycle.js';
import { COMPLAINT_STATUSES } from '../complaints/complaint-view.types.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { type ListRequestsQuery, MAX_PAGE_SIZE } from './dto/list-requests.query.js';
import { MEDIA_TYPES, OPEN311_ROOT } from './open311-format.js';
import { localized, requestRecord } from './open311-request.record.js';
import type { XmlValue } from './xml.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Without start_date and end_date, the spec's default: requests of the last 90 days. */
const DEFAULT_WINDOW_MS = 90 * DAY_MS;
/** When this API last changed in a way clients should notice (discovery's changeset). */
const CHANGESET = new Date('2026-11-24T00:00:00Z');

/** The GeoReport v2 reads: discovery, the service list and definitions from the city pack, requests from complaints. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly city: CityService,
    @InjectRepository(Complaint) private readonly complaints: Repository<Complaint>,
    @InjectRepository(ComplaintEvent) private readonly events: Repository<ComplaintEvent>,
    @InjectRepository(CivicCase) private readonly cases: Repository<CivicCase>,
  ) {}

  discovery(origin: string): XmlValue {
    const changeset = isoInZone(CHANGESET, this.city.pack.timeZone);
    return {
      changeset,
      // Product text comes from locales/ only, and these two have no key there yet: docs/api/open311.md says both.
      contact: null,
      key_service: null,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${origin}${OPEN311_ROOT}`,
          changeset,
          type: 'production',
          formats: [MEDIA_TYPES.xml, MEDIA_TYPES.json],
        },
      ],
    };
  }

  services(language: string): XmlValue[] {
    return this.city.servicesOfKind('complaint').map((service) => ({
      service_code: service.open311Code,
      service_name: localized(service.name, language),
      description: localized(service.description, language),
      metadata: service.attributes.length > 0,
      type: 'realtime',
      keywords: service.keywords.join(', '),
      group: localized(this.city.department(service.departmentId)?.name, language),
    }));
  }

  definition(serviceCode: string, language: string): XmlValue {
    const service = this.serviceByCode(serviceCode);
    if (!service) throw new DomainError('NOT_FOUND');
    return {
      service_code: service.open311Code,
      attributes: service.attributes.map((attribute, index) => ({
        variable: true,
        code: attribute.code,
        datatype: attribute.datatype,
        required: attribute.required,
        datatype_description: null,
        order: index + 1,
        description: localized(attribute.description, language),
        ...(attribute.values
          ? { values: attribute.values.map((value) => ({ key: value.key, name: localized(value.name, language) })) }
          : {}),
      })),
    };
  }

  /**
   * Requests newest first. `service_request_id` overrides every other filter, as the spec says; otherwise the
   * window is start_date…end_date, the 90 days up to end_date, or the last 90 days.
   */
  async requests(query: ListRequestsQuery, language: string): Promise<XmlValue[]> {
    const pageSize = query.page_size ?? MAX_PAGE_SIZE;
    const found = this.complaints
      .createQueryBuilder('complaint')
      .innerJoinAndSelect('complaint.civicCase', 'civicCase')
      .orderBy('complaint.created_at', 'DESC')
      .addOrderBy('complaint.id', 'DESC')
      .offset(((query.page ?? 1) - 1) * pageSize)
      .limit(pageSize);
    if (query.service_request_id) {
      found.where('civicCase.case_number IN (:...ids)', { ids: query.service_request_id });
    } else {
      const end = query.end_date ? new Date(query.end_date) : undefined;
      const start = query.start_date ? new Date(query.start_date) : new Date((end?.getTime() ?? Date.now()) - DEFAULT_WINDOW_MS);
      found.where('complaint.created_at >= :start', { start });
      if (end) found.andWhere('complaint.created_at <= :end', { end });
      if (query.service_code) {
        const ids = query.service_code.map((code) => this.serviceByCode(code)?.id ?? '');
        found.andWhere('complaint.service_id IN (:...services)', { services: ids });
      }
      const statuses = new Set(query.status ?? []);
      if (statuses.size === 1) {
        const open = statuses.has('open');
        found.andWhere('complaint.status IN (:...statuses)', {
          statuses: COMPLAINT_STATUSES.filter((status) => OPEN_STATUSES.includes(status) === open),
        });
      }
    }
    return this.records(await found.getMany(), language);
  }

  async request(caseNumber: string, language: string): Promise<XmlValue[]> {
    const complaint = await this.complaints.findOne({ where: { civicCase: { caseNumber } }, relations: { civicCase: true } });
    if (!complaint) throw new DomainError('NOT_FOUND');
    return this.records([complaint], language);
  }

  /** The request a tracking token belongs to: the token given when it was filed, here or on the portal. */
  async token(token: string): Promise<XmlValue[]> {
    const civicCase = await this.cases.findOneBy({ trackingTokenHash: sha256(token) });
    const complaint = civicCase ? await this.complaints.findOneBy({ caseId: civicCase.id }) : null;
    if (!civicCase || !complaint) throw new DomainError('NOT_FOUND');
    return [{ service_request_id: civicCase.caseNumber, token }];
  }

  private serviceByCode(code: string): ComplaintService | undefined {
    return this.city.servicesOfKind('complaint').find((service) => service.open311Code === code);
  }

  private async records(complaints: Complaint[], language: string): Promise<XmlValue[]> {
    const events =
      complaints.length === 0
        ? []
        : await this.events.find({ where: { complaintId: In(complaints.map((c) => c.id)), isPublic: true }, order: { id: 'ASC' } });
    const historyOf = new Map<string, ComplaintEvent[]>();
    for (const event of events) {
      const history = historyOf.get(event.complaintId);
      if (history) history.push(event);
      else historyOf.set(event.complaintId, [event]);
    }
    return complaints.map((complaint) => {
      const service = this.city.service(complaint.serviceId);
      return requestRecord(complaint, complaint.civicCase?.caseNumber ?? '', historyOf.get(complaint.id) ?? [], {
        service: service?.kind === 'complaint' ? service : undefined,
        department: this.city.department(complaint.departmentId),
        language,
        timeZone: this.city.pack.timeZone,
      });
    });
  }
}
