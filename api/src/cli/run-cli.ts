import { CityPackError } from '../city/city-pack.errors.js';
import { ConfigError } from '../config/environment.js';

/** A failure the person at the terminal can act on: its message is all they need. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Runs a command-line task: its result on stdout, a failure on stderr with exit code 1. */
export function runCli(task: (args: string[]) => Promise<string>): void {
  task(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(`${result}\n`);
    },
    (error: unknown) => {
      const explained = error instanceof CliError || error instanceof ConfigError || error instanceof CityPackError;
      const text = error instanceof Error ? (explained ? error.message : (error.stack ?? error.message)) : String(error);
      process.stderr.write(`civicverse: ${text}\n`);
      process.exitCode = 1;
    },
  );
}
