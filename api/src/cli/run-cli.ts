import { CityPackError } from '../city/city-pack.errors.js';
import { ConfigError } from '../config/environment.js';

/** Runs a command-line task: its result on stdout, a failure as one line on stderr with exit code 1. */
export function runCli(task: (args: string[]) => Promise<string>): void {
  task(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(`${result}\n`);
    },
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof CityPackError;
      process.stderr.write(
        `civicverse: ${known || !(error instanceof Error) ? String((error as Error).message ?? error) : (error.stack ?? error.message)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
