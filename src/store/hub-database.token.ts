/** Injection token of the opened HubDatabase. */
export const HUB_DATABASE = Symbol('HUB_DATABASE');
