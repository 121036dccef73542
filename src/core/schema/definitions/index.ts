/** The built-in schema definitions of RFC 7643 and the URNs of both RFCs. */
export { commonAttributes } from './common.js';
export { enterpriseUserSchema } from './enterprise-user.js';
export { groupSchema } from './group.js';
export { groupResourceType, userResourceType } from './resource-types.js';
export * from './schema-uris.js';
export { userSchema } from './user.js';
