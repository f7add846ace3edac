/**
 * The connector SDK: everything a connector may use. A connector imports from here (and from
 * src/xapi) only; the machinery that runs connectors lives in src/connector-host.
 */
export * from './connector';
export * from './capabilities';
export * from './inbound-request';
export * from './outcome';
export { SourceAuthError, sourceAuthStatus } from './source-errors';
export { statementIdFor, voidingStatement } from './statement-id';
export { eventIdFor } from './event-id';
export { assignStatementIds, checkKeyedStatements, DuplicateSubKeyError, validateStatements, type CheckedStatements, type InvalidStatement } from './keyed-statements';
export { dryRun, splitResultOf, type DryRunEvent, type DryRunResult } from './dry-run';
export { RecordedHttp, type RecordedCall } from './testing/recorded-http';
export { MemoryState } from './testing/memory-state';
export { configFor, loadSamples, runSample, runTask, runTaskSample, testContext, type ConnectorSample, type TaskSampleResult, type TestContextOptions } from './testing/sample-runner';
export { verifyHmacSignature, verifyHmacWithAnySecret, verifyTimestampWindow, type HmacCheck } from './hmac-signature';
export { bearerTokenOf, matchesAnySecret, verifyBearerSecret, type BearerSecretCheck } from './shared-secret';
export { ADL_ACTIVITY_TYPES, ADL_VERBS } from './helpers/verbs';
export { isoDurationBetween, isoDurationFromSeconds, secondsOfIsoDuration } from './helpers/duration';
export { scoreFrom, scoreFromPercent, type ScoreInput, type XapiScore } from './helpers/score';
export { activityIdFrom, isEmail, mboxOf } from './helpers/activity-id';
export { personHint, type KnownPerson } from './helpers/person-hint';
export { HTTP_URL_OPTIONS, IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList } from './config/config-fields';
export { isRecord, requireTimestamp, urlUnder, utcTimestampOf, withoutTrailingSlash } from './helpers/source-values';
export { PullConfig } from './config/pull-config';
