/**
 * The shapes of Slack IDs, in one place. Real IDs are uppercase letters and digits (`C0123ABCD`,
 * `U0456EFGH`); `_` is accepted too so the stand-in's readable ids (`C_GENERAL`) pass the same checks.
 * What these checks catch is a name where an ID belongs (`#general`, `@anna`).
 */
export const CHANNEL_ID = /^[CGD][A-Z0-9_]{2,}$/;
export const PUBLIC_OR_PRIVATE_CHANNEL_ID = /^[CG][A-Z0-9_]{2,}$/;
export const USER_ID = /^[UWB][A-Z0-9_]{1,}$/;

const USER_ID_BODY = USER_ID.source.slice(1, -1);
export const USER_ID_LIST = new RegExp(`^\\s*${USER_ID_BODY}(\\s*,\\s*${USER_ID_BODY})*\\s*$`);
