import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';

export interface HealthReport {
  status: 'ok';
  checks: { database: 'up' };
}

const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async readiness(): Promise<HealthReport> {
    if (!(await this.databaseAnswers())) {
      throw new DomainError('NOT_READY', {}, { checks: { database: 'down' } });
    }
    return { status: 'ok', checks: { database: 'up' } };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
    });
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
