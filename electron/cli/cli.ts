// Entry of the `greenlight` command (bin/greenlight.cjs loads the built file).
import path from 'node:path';
import { UsageError } from './parse-args';
import { validateCommand, VALIDATE_USAGE } from './validate-command';
import { serveCommand, SERVE_USAGE } from './serve-command';
import { waitCommand, WAIT_USAGE } from './wait-command';

const USAGE = ['usage: greenlight <command>', '', `  ${VALIDATE_USAGE.slice(7)}`, `  ${SERVE_USAGE.slice(7)}`, `  ${WAIT_USAGE.slice(7)}`].join('\n');

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, out, err);
      case 'wait':
        return await waitCommand(rest, out, err);
      case 'serve':
        return await serveCommand(rest, out, path.join(__dirname, 'renderer'));
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`greenlight: ${e.message}`);
      err(USAGE);
      return 2;
    }
    throw e;
  }
}
