import { defineAttribute, defineMultiValuedComplex } from '../define.js';
import type { SchemaDefinition } from '../types.js';
import { USER_SCHEMA } from './schema-uris.js';

const nameParts = [
  ['formatted', 'The full name, formatted for display.'],
  ['familyName', 'The family (last) name.'],
  ['givenName', 'The given (first) name.'],
  ['middleName', 'The middle name(s).'],
  ['honorificPrefix', 'The honorific prefix, e.g. "Ms.".'],
  ['honorificSuffix', 'The honorific suffix, e.g. "III".'],
] as const;

const addressParts = [
  ['formatted', 'The full mailing address, formatted for display.'],
  ['streetAddress', 'The street address.'],
  ['locality', 'The city or locality.'],
  ['region', 'The state or region.'],
  ['postalCode', 'The zip or postal code.'],
  ['country', 'The country, as an ISO 3166-1 alpha-2 code.'],
] as const;

/** The core User schema, with the characteristics of RFC 7643 §4.1 and §8.7.1. */
export const userSchema: SchemaDefinition = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'User Account',
  attributes: [
    defineAttribute({
      name: 'userName',
      required: true,
      uniqueness: 'server',
      description: 'The unique identifier the user signs in with.',
    }),
    defineAttribute({
      name: 'name',
      type: 'complex',
      description: "The components of the user's name.",
      subAttributes: nameParts.map(([name, description]) => defineAttribute({ name, description })),
    }),
    defineAttribute({ name: 'displayName', description: 'The name to display to end users.' }),
    defineAttribute({ name: 'nickName', description: 'The casual name of the user.' }),
    defineAttribute({
      name: 'profileUrl',
      type: 'reference',
      referenceTypes: ['external'],
      description: "A URL of the user's online profile.",
    }),
    defineAttribute({ name: 'title', description: 'The user\'s title, e.g. "Vice President".' }),
    defineAttribute({
      name: 'userType',
      description: 'The relationship to the organization, e.g. "Employee".',
    }),
    defineAttribute({ name: 'preferredLanguage', description: 'The preferred written or spoken language.' }),
    defineAttribute({ name: 'locale', description: 'The default location, for localizing values.' }),
    defineAttribute({ name: 'timezone', description: 'The time zone, in IANA "Olson" format.' }),
    defineAttribute({
      name: 'active',
      type: 'boolean',
      description: 'The administrative status of the user.',
    }),
    defineAttribute({
      name: 'password',
      mutability: 'writeOnly',
      returned: 'never',
      description: "The user's clear-text password, never returned.",
    }),
    defineMultiValuedComplex({
      name: 'emails',
      description: 'Email addresses of the user.',
      typeCanonicalValues: ['work', 'home', 'other'],
    }),
    defineMultiValuedComplex({
      name: 'phoneNumbers',
      description: 'Phone numbers of the user.',
      typeCanonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    defineMultiValuedComplex({
      name: 'ims',
      description: 'Instant messaging addresses of the user.',
      typeCanonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    defineMultiValuedComplex({
      name: 'photos',
      description: 'URLs of images of the user.',
      valueType: 'reference',
      valueReferenceTypes: ['external'],
      typeCanonicalValues: ['photo', 'thumbnail'],
    }),
    defineAttribute({
      name: 'addresses',
      type: 'complex',
      multiValued: true,
      description: 'Physical mailing addresses of the user.',
      subAttributes: [
        ...addressParts.map(([name, description]) => defineAttribute({ name, description })),
        defineAttribute({
          name: 'type',
          canonicalValues: ['work', 'home', 'other'],
          description: "A label for the address's function.",
        }),
        // §8.7.1 omits it, but §4.1.2 gives addresses a primary sub-attribute and IdPs send it.
        defineAttribute({ name: 'primary', type: 'boolean', description: 'True for the preferred address.' }),
      ],
    }),
    defineAttribute({
      name: 'groups',
      type: 'complex',
      multiValued: true,
      mutability: 'readOnly',
      description: 'The groups the user belongs to, directly or indirectly; changed through the Group.',
      subAttributes: [
        defineAttribute({ name: 'value', mutability: 'readOnly', description: 'The id of the group.' }),
        defineAttribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User', 'Group'],
          mutability: 'readOnly',
          description: 'The URI of the group.',
        }),
        defineAttribute({ name: 'display', mutability: 'readOnly', description: 'The name of the group.' }),
        defineAttribute({
          name: 'type',
          canonicalValues: ['direct', 'indirect'],
          mutability: 'readOnly',
          description: 'Whether the membership is direct or inherited.',
        }),
      ],
    }),
    defineMultiValuedComplex({ name: 'entitlements', description: 'Entitlements of the user.' }),
    defineMultiValuedComplex({ name: 'roles', description: 'Roles of the user.' }),
    defineMultiValuedComplex({
      name: 'x509Certificates',
      description: 'DER-encoded X.509 certificates of the user.',
      valueType: 'binary',
    }),
  ],
};
