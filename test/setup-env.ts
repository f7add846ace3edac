import 'reflect-metadata';
// Tests build their own runtimes; keep the hub's logs out of jest's output unless asked for.
process.env.LOG_LEVEL ??= 'silent';
