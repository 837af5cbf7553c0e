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
import { CreateOpen311KeyDto } from '../open311/dto/create-open311-key.dto.js';
import { Open311KeysService } from '../open311/open311-keys.service.js';
import { prepare } from '../prepare.js';
import { RetentionService } from '../privacy/retention.service.js';
import { CliError, runCli } from './run-cli.js';

const USAGE = [
  'usage: npm run admin -- create-official --email EMAIL --name "DISPLAY NAME" --department DEPARTMENT_ID --password PASSWORD [--official-id OFFICIAL_ID]',
  '       npm run admin -- retention [--dry-run]',
  '       npm run admin -- create-open311-key --name "WHO USES IT"',
].join('\n');

/** Administration from the command line, through the same services (and audit log) as the API. */
runCli(async (args) => {
  const [command, ...rest] = args;
  if (command !== 'create-official' && command !== 'retention' && command !== 'create-open311-key') throw new CliError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string' },
      password: { type: 'string' },
      'official-id': { type: 'string' },
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
    if (command === 'create-open311-key') {
      const keyDto = plainToInstance(CreateOpen311KeyDto, { name: values.name });
      const invalid = validationFailures(validateSync(keyDto, { whitelist: true, forbidNonWhitelisted: true }));
      if (invalid.length > 0) throw new CliError(`--name is not valid (${invalid.flatMap((p) => p.rules).join(', ')})\n${USAGE}`);
      const key = await app.get(Open311KeysService).issue(keyDto.name, CLI_CONTEXT);
      // The key exists only in this output: the database keeps its hash.
      return `created Open311 API key "${key.name}" (${key.id}); keep it now, it is not shown again:\n${key.apiKey}`;
    }
    const dto = plainToInstance(CreateOfficialDto, {
      email: values.email,
      displayName: values.name,
      departmentId: values.department,
      password: values.password,
      officialId: values['official-id'],
    });
    const problems = validationFailures(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    if (problems.length > 0)
      throw new CliError(`${problems.map((p) => `--${cliName(p.field)} is not valid (${p.rules.join(', ')})`).join('; ')}\n${USAGE}`);
    try {
      const official = await app.get(AdminService).createOfficial(dto, CLI_CONTEXT);
      const linked = official.officialId ? `, linked to ${official.officialId}` : '';
      return `created official ${official.email} (${official.id}) in department ${official.departmentId}${linked}`;
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(context.i18n.t('en', `errors:${error.code}`, error.params), { cause: error });
      throw error;
    }
  } finally {
    await app.close();
  }
});

function cliName(field: string): string {
  return { displayName: 'name', departmentId: 'department', officialId: 'official-id' }[field] ?? field;
}
