import 'reflect-metadata';
import { startHub, startupFailureMessage } from './startup';

startHub(process.env, process.argv.slice(2)).then(
  ({ banner }) => process.stdout.write(banner),
  (error: unknown) => {
    process.stderr.write(startupFailureMessage(error, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
    process.exit(1);
  },
);
