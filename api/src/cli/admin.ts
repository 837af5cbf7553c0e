import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseArgs } from 'node:util';
import { AdminService } from '../admin/admin.service.js';
import { CreateOfficialDto } from '../admin/dto/create-official.dto.js';
import { AppModule } from '../app.module.js';
import { CLI_CONTEXT } from '../audit/audit.service.js';
import { validationFailures } from '../common/validation-failures.js';
import { DomainError } from '../common/domain-error.js';
import { prepare } from '../prepare.js';
import { RetentionService } from '../privacy/retention.service.js';
import { CliError, runCli } from './run-cli.js';

const USAGE = [
  'usage: npm run admin -- create-official --email EMAIL --name "DISPLAY NAME" --department DEPARTMENT_ID --password PASSWORD',
  '       npm run admin -- retention [--dry-run]',
].join('\n');

/** Administration from the command line, through the same services (and audit log) as the API. */
runCli(async (args) => {
  const [command, ...rest] = args;
  if (command !== 'create-official' && command !== 'retention') throw new CliError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string' },
      password: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    strict: true,
  });
  const context = await prepare(process.env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(context), { logger: false });
  try {
    if (command === 'retention') {
      const report = await app.get(RetentionService).run({ dryRun: values['dry-run'] === true }, CLI_CONTEXT);
      return `${values['dry-run'] ? 'would delete' : 'deleted'}: ${Object.entries(report)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`;
    }
    const dto = plainToInstance(CreateOfficialDto, {
      email: values.email,
      displayName: values.name,
      departmentId: values.department,
      password: values.password,
    });
    const problems = validationFailures(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (problems.length > 0)
      throw new CliError(`${problems.map((p) => `--${cliName(p.field)} is not valid (${p.rules.join(', ')})`).join('; ')}\n${USAGE}`);
    try {
      const official = await app.get(AdminService).createOfficial(dto, CLI_CONTEXT);
      return `created official ${official.email} (${official.id}) in department ${official.departmentId}`;
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(context.i18n.t('en', `errors:${error.code}`, error.params), { cause: error });
      throw error;
    }
  } finally {
    await app.close();
  }
});

function cliName(field: string): string {
  return { displayName: 'name', departmentId: 'department' }[field] ?? field;
}
