/**
 * What the calendar connectors (microsoft-graph, google-calendar, ics) share: one occurrence
 * shape, one session rule, one decision from occurrence to statements, the ICS reader.
 */
export * from './calendar-occurrence';
export * from './calendar-config';
export * from './session-rule';
export * from './session-outcome';
export * from './session-tracker';
export * from './ics';
export * from './shared-token';
export * from './cached-token';
