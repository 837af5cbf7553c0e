import { Injectable } from '@nestjs/common';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { LocalizedText, ServiceCounter } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { counterLetter, DEFAULT_SERVICE_MINUTES } from './queue-estimates.js';

/** The city pack's hall and counters, as the queues read them: lookups, letters, who may run which counter. */
@Injectable()
export class QueueHall {
  constructor(private readonly city: CityService) {}

  get id(): string {
    return this.city.pack.cityHall.id;
  }

  get name(): LocalizedText {
    return this.city.pack.cityHall.name;
  }

  get counters(): readonly ServiceCounter[] {
    return this.city.pack.cityHall.counters;
  }

  /** The counter, or NOT_FOUND. */
  counter(counterId: string): ServiceCounter {
    const counter = this.counters.find((candidate) => candidate.id === counterId);
    if (!counter) throw new DomainError('NOT_FOUND');
    return counter;
  }

  letterOf(counterId: string): string {
    return counterLetter(this.counters.findIndex((counter) => counter.id === counterId));
  }

  /** The service, when the counter serves it; QUEUE_SERVICE_NOT_AT_COUNTER otherwise. */
  serviceAt(counter: ServiceCounter, serviceId: string): string {
    if (!counter.serviceIds.includes(serviceId) || !this.city.service(serviceId)) {
      throw new DomainError('QUEUE_SERVICE_NOT_AT_COUNTER', {}, { serviceIds: counter.serviceIds });
    }
    return serviceId;
  }

  /** Admins run any counter; an official a counter with at least one service of their department. */
  mayRun(person: UserAccount, counter: ServiceCounter): boolean {
    if (person.role === 'admin') return true;
    if (person.role !== 'official' || !person.departmentId) return false;
    return counter.serviceIds.some((serviceId) => this.city.service(serviceId)?.departmentId === person.departmentId);
  }

  /** The counter, for someone who may run it; FORBIDDEN for other officials (counters are public, so no 404). */
  counterRunBy(person: UserAccount, counterId: string): ServiceCounter {
    const counter = this.counter(counterId);
    if (!this.mayRun(person, counter)) throw new DomainError('FORBIDDEN');
    return counter;
  }

  /** A service's expected length before the counter has a history: an appointment's duration, else the default. */
  expectedMinutes(serviceId: string): number {
    const service = this.city.service(serviceId);
    return service?.kind === 'appointment' ? service.durationMinutes : DEFAULT_SERVICE_MINUTES;
  }

  /** For a counter as a whole (a walk-in's estimate before choosing): the mean over its services. */
  expectedMinutesAt(counter: ServiceCounter): number {
    const minutes = counter.serviceIds.map((serviceId) => this.expectedMinutes(serviceId));
    return minutes.length === 0 ? DEFAULT_SERVICE_MINUTES : minutes.reduce((sum, value) => sum + value, 0) / minutes.length;
  }

  /** Today in the city's time zone, "YYYY-MM-DD": ticket numbers restart each local day. */
  today(): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.city.pack.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
  }
}
