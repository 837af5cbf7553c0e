import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Repository } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { sha256 } from '../common/sha256.js';
import { checkAttributes } from './complaint-attributes.js';
import { ComplaintAnnouncer } from './complaint-announcer.js';
import { ComplaintEvent } from './complaint-event.entity.js';
import { ComplaintFollowersService } from './complaint-followers.service.js';
import { Complaint } from './complaint.entity.js';
import { COMPLAINTS_PAGE_SIZE, type ComplaintAssignee, type ComplaintView, type NearbyComplaint } from './complaint-view.types.js';
import { complaintView, REDACTED } from './complaint.view.js';
import { canMove, NEXT_STATUSES, OPEN_STATUSES } from './complaint-lifecycle.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import type { ListComplaintsQuery } from './dto/list-complaints.query.js';
import type { NearbyQuery } from './dto/nearby.query.js';
import type { UpdateComplaintDto } from './dto/update-complaint.dto.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const NEARBY_METRES = 50;

/**
 * A filer's tracking page is public and polled: read in plain SQL, the ORM's query building and hydration were most
 * of its cost (docs/performance.md). The columns are the entity's properties; pg gives Dates, numbers and JSON.
 */
const TRACKED_COMPLAINT_SQL = `SELECT k.id, k.case_id AS "caseId", k.service_id AS "serviceId", k.department_id AS "departmentId",
    k.description, k.latitude, k.longitude, k.address, k.place_id AS "placeId", k.building_id AS "buildingId", k.floor,
    k.altitude, k.contact_email AS "contactEmail", k.attributes, k.media_url AS "mediaUrl", k.status,
    k.assignee_id AS "assigneeId", k.redacted_at AS "redactedAt", k.redaction_reason AS "redactionReason",
    k.expected_by AS "expectedBy", k.created_at AS "createdAt", k.updated_at AS "updatedAt", c.case_number AS "caseNumber"
  FROM complaint k JOIN civic_case c ON c.id = k.case_id WHERE c.tracking_token_hash = $1`;
const PUBLIC_HISTORY_SQL = `SELECT status, note, is_public AS "isPublic", at FROM complaint_event
  WHERE complaint_id = $1 AND is_public ORDER BY id`;

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Complaint) private readonly complaints: Repository<Complaint>,
    @InjectRepository(ComplaintEvent) private readonly events: Repository<ComplaintEvent>,
    private readonly cases: CasesService,
    private readonly city: CityService,
    private readonly audit: AuditService,
    private readonly followers: ComplaintFollowersService,
    private readonly announce: ComplaintAnnouncer,
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
    // A place of the city's list (or a building picked in the twin) also gives coordinates: its centre, so that
    // duplicates nearby are found and Open311 clients can show it on a map.
    const placeCentre =
      placeId !== undefined ? this.placeCentreOf(placeId) : buildingId !== undefined ? this.placeCentreOf(buildingId) : undefined;
    const attributes = checkAttributes(service.attributes, dto.attributes ?? {});

    const filed = await this.dataSource.transaction(async (manager) => {
      const { civicCase, trackingToken } = await this.cases.open(manager, filer?.id ?? null);
      const complaint = await manager.getRepository(Complaint).save(
        manager.getRepository(Complaint).create({
          caseId: civicCase.id,
          serviceId: service.id,
          departmentId: service.departmentId,
          description: dto.description,
          latitude: lat ?? placeCentre?.lat ?? null,
          longitude: long ?? placeCentre?.lon ?? null,
          address: address ?? null,
          placeId: placeId ?? null,
          buildingId: buildingId ?? null,
          floor: floor ?? null,
          altitude: altitude ?? null,
          contactEmail: dto.contactEmail ?? null,
          attributes,
          mediaUrl: dto.mediaUrl ?? null,
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
    this.announce.filed(filed.complaint);
    return filed;
  }

  /**
   * A citizen's own complaints and those they follow; an official's department inbox; everything for an admin.
   * Newest first, a page at a time.
   */
  async list(user: UserAccount, filters: ListComplaintsQuery = {}): Promise<ComplaintView[]> {
    const query = this.complaints
      .createQueryBuilder('complaint')
      .innerJoinAndSelect('complaint.civicCase', 'civicCase')
      .where('true')
      .orderBy('complaint.created_at', 'DESC')
      .addOrderBy('complaint.id', 'DESC')
      .offset(((filters.page ?? 1) - 1) * COMPLAINTS_PAGE_SIZE)
      .limit(COMPLAINTS_PAGE_SIZE);
    if (user.role === 'citizen') {
      query.andWhere('(civicCase.owner_id = :me OR complaint.id IN (SELECT complaint_id FROM complaint_follower WHERE user_id = :me))', {
        me: user.id,
      });
    }
    if (user.role === 'official') query.andWhere('complaint.department_id = :department', { department: user.departmentId });
    if (filters.status) query.andWhere('complaint.status = :status', { status: filters.status });
    if (filters.serviceId) query.andWhere('complaint.service_id = :serviceId', { serviceId: filters.serviceId });
    if (filters.overdue !== undefined) {
      query.andWhere(`(complaint.status IN (:...open) AND complaint.expected_by < now()) = :overdue`, {
        open: OPEN_STATUSES,
        overdue: filters.overdue,
      });
    }
    if (filters.minAgeDays !== undefined) {
      query.andWhere('complaint.created_at <= now() - make_interval(days => :minAgeDays)', { minAgeDays: filters.minAgeDays });
    }
    if (filters.assignee === 'me') query.andWhere('complaint.assignee_id = :me', { me: user.id });
    if (filters.assignee === 'none') query.andWhere('complaint.assignee_id IS NULL');
    return this.views(await query.getMany(), user);
  }

  /**
   * One complaint, for those allowed to see it: its filer, an official of its department, an admin. Anyone
   * else gets NOT_FOUND, exactly as for an id that does not exist.
   */
  async get(id: string, user: UserAccount): Promise<ComplaintView> {
    const [complaint] = await this.complaints.find({ where: { id }, relations: { civicCase: true } }); // one query (see track)
    const allowed =
      complaint !== undefined &&
      (this.isStaffOf(complaint, user) || complaint.civicCase?.ownerId === user.id || (await this.followers.isFollowing(id, user.id)));
    if (!allowed) throw new DomainError('NOT_FOUND');
    const [view] = await this.views([complaint], user);
    if (!view) throw new Error('a complaint without a view');
    return view;
  }

  /** Officials of the complaint's department who can take it: for staff of that department only. */
  async assignees(id: string, user: UserAccount): Promise<ComplaintAssignee[]> {
    const complaint = await this.complaints.findOneBy({ id });
    if (!complaint || !this.isStaffOf(complaint, user)) throw new DomainError('NOT_FOUND');
    const officials = await this.dataSource.getRepository(UserAccount).find({
      where: { role: 'official', departmentId: complaint.departmentId, disabledAt: IsNull(), anonymisedAt: IsNull() },
      order: { displayName: 'ASC' },
    });
    return officials.map((official) => ({ id: official.id, name: official.displayName }));
  }

  /**
   * An official's step on a complaint of their department: a new status along the lifecycle, or a note alone.
   * The row is locked for the change, so two officials cannot move it from the same status at once.
   */
  async update(id: string, dto: UpdateComplaintDto, official: UserAccount, context: AuditContext): Promise<ComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await manager.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const mayAct =
        complaint !== null &&
        (official.role === 'admin' || (official.role === 'official' && complaint.departmentId === official.departmentId));
      if (!mayAct) throw new DomainError('NOT_FOUND');
      const status = dto.status ?? complaint.status;
      if (dto.status !== undefined && !canMove(complaint.status, dto.status)) {
        throw new DomainError(
          'COMPLAINT_INVALID_TRANSITION',
          {},
          { from: complaint.status, to: dto.status, allowed: NEXT_STATUSES[complaint.status] },
        );
      }
      if (status !== complaint.status) await manager.getRepository(Complaint).update({ id }, { status });
      await manager
        .getRepository(ComplaintEvent)
        .insert({ complaintId: id, status, note: dto.note, isPublic: dto.public ?? true, actorId: official.id });
      await this.audit.record(
        context,
        { action: status === complaint.status ? 'complaint.noted' : 'complaint.status_changed', objectType: 'complaint', objectId: id },
        manager,
      );
    });
    return this.announced(await this.get(id, official));
  }

  /** Gives the complaint to an official of its department, or takes it back (null). */
  async assign(id: string, assigneeId: string | null, actor: UserAccount, context: AuditContext): Promise<ComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      const complaint = await this.lockForStaff(manager, id, actor);
      if (assigneeId !== null) {
        const assignee = await manager.getRepository(UserAccount).findOneBy({ id: assigneeId });
        const eligible =
          assignee?.role === 'official' && assignee.departmentId === complaint.departmentId && assignee.anonymisedAt === null;
        if (!eligible) throw new DomainError('COMPLAINT_ASSIGNEE_NOT_IN_DEPARTMENT');
      }
      await manager.getRepository(Complaint).update({ id }, { assigneeId });
      await this.audit.record(context, { action: 'complaint.assigned', objectType: 'complaint', objectId: id }, manager);
    });
    return this.announced(await this.get(id, actor));
  }

  /** Removes abusive content: the text is replaced for good, the reason kept and shown, the act audited. */
  async redact(id: string, reason: string, actor: UserAccount, context: AuditContext): Promise<ComplaintView> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockForStaff(manager, id, actor);
      await manager.getRepository(Complaint).update({ id }, { description: REDACTED, redactedAt: () => 'now()', redactionReason: reason });
      await this.audit.record(context, { action: 'complaint.redacted', objectType: 'complaint', objectId: id }, manager);
    });
    return this.announced(await this.get(id, actor));
  }

  /** The complaint, locked for a change by staff: officials of its department or admins; NOT_FOUND for anyone else. */
  private async lockForStaff(manager: EntityManager, id: string, actor: UserAccount): Promise<Complaint> {
    const complaint = await manager.getRepository(Complaint).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!complaint || !this.isStaffOf(complaint, actor)) throw new DomainError('NOT_FOUND');
    return complaint;
  }

  private async announced(view: ComplaintView): Promise<ComplaintView> {
    await this.announce.updated(view);
    return view;
  }

  private isStaffOf(complaint: Complaint, user: UserAccount): boolean {
    return user.role === 'admin' || (user.role === 'official' && complaint.departmentId === user.departmentId);
  }

  /**
   * Open complaints of the same service within 50 m of a point or of a place's centre: shown before filing, so a
   * citizen can follow one instead. Nearest first; among equally near ones (a place's centre) the newest, which is
   * likeliest to be the problem the citizen is looking at.
   */
  async nearby(query: NearbyQuery): Promise<NearbyComplaint[]> {
    const centre =
      query.lat !== undefined && query.long !== undefined ? { lat: query.lat, lon: query.long } : this.placeCentreOf(query.placeId);
    // A box of about ±50 m narrows the search on the index before the exact great-circle distance.
    const latitudeSpan = NEARBY_METRES / 111_320;
    const longitudeSpan = NEARBY_METRES / (111_320 * Math.max(Math.cos((centre.lat * Math.PI) / 180), 0.01));
    return this.dataSource.query<NearbyComplaint[]>(
      `SELECT * FROM (
         SELECT k.id, c.case_number AS "caseNumber", CASE WHEN k.redacted_at IS NULL THEN k.description END AS description,
                k.status, k.created_at AS "createdAt",
                round(2 * 6371008.8 * asin(sqrt(power(sin(radians(k.latitude - $1) / 2), 2)
                  + cos(radians($1)) * cos(radians(k.latitude)) * power(sin(radians(k.longitude - $2) / 2), 2))))::int AS "distanceMetres"
           FROM complaint k JOIN civic_case c ON c.id = k.case_id
          WHERE k.service_id = $3 AND k.status = ANY($4)
            AND k.latitude BETWEEN $1 - $5 AND $1 + $5 AND k.longitude BETWEEN $2 - $6 AND $2 + $6
       ) near WHERE "distanceMetres" <= $7 ORDER BY "distanceMetres", "createdAt" DESC, id LIMIT 20`,
      [centre.lat, centre.lon, query.service, OPEN_STATUSES, latitudeSpan, longitudeSpan, NEARBY_METRES],
    );
  }

  private placeCentreOf(placeId: string | undefined): { lat: number; lon: number } {
    const centre = placeId === undefined ? undefined : this.city.placeCentre(placeId);
    if (!centre) throw new DomainError('COMPLAINT_UNKNOWN_PLACE');
    return centre;
  }

  /** By the tracking token given at filing: works without an account, shows only what is public. */
  async track(token: string): Promise<ComplaintView> {
    // The filer's token (the common case: filers poll it) in plain SQL, two queries; else a follower's token.
    const [filed] = await this.dataSource.query<(Complaint & { caseNumber: string })[]>(TRACKED_COMPLAINT_SQL, [sha256(token)]);
    if (filed) {
      const events = await this.dataSource.query<ComplaintEvent[]>(PUBLIC_HISTORY_SQL, [filed.id]);
      return complaintView(filed, filed.caseNumber, events, 'public');
    }
    const followed = await this.followers.complaintOfToken(token);
    // `find`, not `findOne`: with a join, TypeORM's findOne first runs a DISTINCT query for the id, then the real one.
    const [complaint] = followed ? await this.complaints.find({ where: { id: followed }, relations: { civicCase: true } }) : [];
    if (!complaint) throw new DomainError('NOT_FOUND');
    const [view] = await this.views([complaint], undefined);
    if (!view) throw new Error('a complaint without a view');
    return withoutFilersDetails(view);
  }

  /** The complaint a tracking token belongs to: the filer's token, or a follower's. */
  async complaintIdOfToken(token: string): Promise<string | null> {
    const civicCase = await this.dataSource.getRepository(CivicCase).findOneBy({ trackingTokenHash: sha256(token) });
    if (!civicCase) return this.followers.complaintOfToken(token);
    return (await this.complaints.findOneBy({ caseId: civicCase.id }))?.id ?? null;
  }

  /** A person's complaints with their public history, for their data export. */
  exportOf(userId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query<Record<string, unknown>[]>(
      `SELECT c.case_number AS "caseNumber", k.service_id AS "serviceId", k.description, k.latitude AS lat, k.longitude AS long,
                k.address, k.place_id AS "placeId", k.building_id AS "buildingId", k.floor, k.attributes, k.media_url AS "mediaUrl",
                k.status, k.created_at AS "createdAt",
                coalesce((SELECT json_agg(json_build_object('status', e.status, 'note', e.note, 'at', e.at) ORDER BY e.id)
                            FROM complaint_event e WHERE e.complaint_id = k.id AND e.is_public), '[]') AS history
           FROM complaint k JOIN civic_case c ON c.id = k.case_id WHERE c.owner_id = $1 ORDER BY k.created_at`,
      [userId],
    );
  }

  /**
   * Views for a person (or for a tracking token when undefined): staff see internal notes, contact details and the
   * number of followers; citizens see the public history and whether they filed or follow each one.
   */
  private async views(complaints: Complaint[], user: UserAccount | undefined): Promise<ComplaintView[]> {
    const ids = complaints.map((complaint) => complaint.id);
    if (ids.length === 0) return [];
    const events = await this.events.find({ where: { complaintId: In(ids) }, order: { id: 'ASC' } });
    const staff = user !== undefined && user.role !== 'citizen';
    const followerCounts = staff ? await this.followers.counts(ids) : new Map<string, number>();
    return complaints.map((complaint) => {
      const view = complaintView(
        complaint,
        complaint.civicCase?.caseNumber ?? '',
        events.filter((event) => event.complaintId === complaint.id),
        staff ? 'official' : 'public',
      );
      if (staff) return { ...view, followers: followerCounts.get(complaint.id) ?? 0 };
      if (!user) return view;
      return complaint.civicCase?.ownerId === user.id
        ? { ...view, relation: 'filed' }
        : { ...withoutFilersDetails(view), relation: 'following' };
    });
  }
}

/**
 * What a follower sees: the problem and its history, not what the filer told the city about it — the answers to
 * the service's questions (a vehicle's plate, say) and their photo link.
 */
function withoutFilersDetails(view: ComplaintView): ComplaintView {
  return { ...view, attributes: {}, mediaUrl: null };
}
