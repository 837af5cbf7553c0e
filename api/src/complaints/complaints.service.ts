import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CasesService, hashTrackingToken } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { ComplaintEvent } from './complaint-event.entity.js';
import { Complaint } from './complaint.entity.js';
import { complaintView, type ComplaintView } from './complaint.view.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 100;

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Complaint) private readonly complaints: Repository<Complaint>,
    @InjectRepository(ComplaintEvent) private readonly events: Repository<ComplaintEvent>,
    private readonly cases: CasesService,
    private readonly city: CityService,
    private readonly audit: AuditService,
  ) {}

  /** Files a complaint, signed in or not; routed to the department of its service. */
  async file(
    dto: CreateComplaintDto,
    filer: UserAccount | undefined,
    context: AuditContext,
  ): Promise<{ complaint: ComplaintView; trackingToken: string }> {
    const service = this.city.service(dto.serviceId);
    if (service?.kind !== 'complaint') throw new DomainError('COMPLAINT_UNKNOWN_SERVICE');
    const { lat, long, address, placeId, buildingId, floor, altitude } = dto.location;
    if ((lat === undefined) !== (long === undefined)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        {},
        { fields: [{ field: lat === undefined ? 'location.lat' : 'location.long', rules: ['isDefined'] }] },
      );
    }
    if (lat === undefined && !address && !placeId && !buildingId) throw new DomainError('COMPLAINT_LOCATION_REQUIRED');

    return this.dataSource.transaction(async (manager) => {
      const { civicCase, trackingToken } = await this.cases.open(manager, filer?.id ?? null);
      const complaint = await manager.getRepository(Complaint).save(
        manager.getRepository(Complaint).create({
          caseId: civicCase.id,
          serviceId: service.id,
          departmentId: service.departmentId,
          description: dto.description,
          latitude: lat ?? null,
          longitude: long ?? null,
          address: address ?? null,
          placeId: placeId ?? null,
          buildingId: buildingId ?? null,
          floor: floor ?? null,
          altitude: altitude ?? null,
          contactEmail: dto.contactEmail ?? null,
          expectedBy: new Date(Date.now() + service.expectedDays * DAY_MS),
        }),
      );
      const submitted = await manager
        .getRepository(ComplaintEvent)
        .save(
          manager
            .getRepository(ComplaintEvent)
            .create({ complaintId: complaint.id, status: 'submitted', note: null, isPublic: true, actorId: filer?.id ?? null }),
        );
      await this.audit.record(context, { action: 'complaint.submitted', objectType: 'complaint', objectId: complaint.id }, manager);
      const fresh = await manager.getRepository(Complaint).findOneByOrFail({ id: complaint.id });
      return { complaint: complaintView(fresh, civicCase.caseNumber, [submitted], 'public'), trackingToken };
    });
  }

  /** A citizen's own complaints; an official's department inbox; everything for an admin. Newest first. */
  async list(user: UserAccount): Promise<ComplaintView[]> {
    const query = this.complaints
      .createQueryBuilder('complaint')
      .innerJoinAndSelect('complaint.civicCase', 'civicCase')
      .orderBy('complaint.created_at', 'DESC')
      .limit(LIST_LIMIT);
    if (user.role === 'citizen') query.where('civicCase.owner_id = :owner', { owner: user.id });
    if (user.role === 'official') query.where('complaint.department_id = :department', { department: user.departmentId });
    const found = await query.getMany();
    return Promise.all(found.map((complaint) => this.view(complaint, this.audienceOf(user))));
  }

  /**
   * One complaint, for those allowed to see it: its filer, an official of its department, an admin. Anyone
   * else gets NOT_FOUND, exactly as for an id that does not exist.
   */
  async get(id: string, user: UserAccount): Promise<ComplaintView> {
    const complaint = await this.complaints.findOne({ where: { id }, relations: { civicCase: true } });
    const allowed =
      complaint !== null &&
      (user.role === 'admin' ||
        (user.role === 'official' && complaint.departmentId === user.departmentId) ||
        complaint.civicCase?.ownerId === user.id);
    if (!allowed) throw new DomainError('NOT_FOUND');
    return this.view(complaint, this.audienceOf(user));
  }

  /** By the tracking token given at filing: works without an account, shows only what is public. */
  async track(token: string): Promise<ComplaintView> {
    const civicCase = await this.dataSource.getRepository(CivicCase).findOneBy({ trackingTokenHash: hashTrackingToken(token) });
    const complaint = civicCase ? await this.complaints.findOne({ where: { caseId: civicCase.id }, relations: { civicCase: true } }) : null;
    if (!complaint) throw new DomainError('NOT_FOUND');
    return this.view(complaint, 'public');
  }

  private audienceOf(user: UserAccount): 'public' | 'official' {
    return user.role === 'citizen' ? 'public' : 'official';
  }

  private async view(complaint: Complaint, audience: 'public' | 'official'): Promise<ComplaintView> {
    const history = await this.events.find({ where: { complaintId: complaint.id }, order: { id: 'ASC' } });
    return complaintView(complaint, complaint.civicCase?.caseNumber ?? '', history, audience);
  }
}
