/**
 * What the calendar connectors (microsoft-graph, google-calendar, ics) share: one occurrence
 * shape, one session rule, one decision from occurrence to statements, the ICS reader. The
 * constant-time shared-secret check they use is the SDK's own (../shared-secret.ts).
 */
export * from './calendar-occurrence';
export * from './calendar-config';
export * from './session-rule';
export * from './session-outcome';
export * from './session-tracker';
export * from './ics';
export * from './cached-token';
export * from './calendar-auth-error';
