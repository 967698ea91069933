/** Flex Message builders for the LINE bot: client notifications and staff answers. */
export * from './client-messages.ts';
export * from './staff-messages.ts';
export { encodePostback, decodePostback, PB, POSTBACK_MAX_LENGTH, PostbackTooLongError } from './postback.ts';
export type { PostbackActionName, PostbackPayload, PostbackValue } from './postback.ts';
export { clampText, formatDate, formatDateTime, money, MAX, type Lang } from './format.ts';
export { COLORS } from './parts.ts';
