import type { CaseGroup } from '../http/support/suite.js';
import { discoveryScenario } from './discovery.js';
import { entraGroupsScenario } from './entra-groups.js';
import { entraQuirksScenario } from './entra-quirks.js';
import { entraRecommendedScenario } from './entra-recommended.js';
import { entraUsersScenario } from './entra-users.js';
import { jumpCloudScenario } from './jumpcloud.js';
import { oktaGroupsScenario } from './okta-groups.js';
import { oktaUsersScenario } from './okta-users.js';
import { oneLoginScenario } from './onelogin.js';

/** Every IdP scenario, each with fresh state; called once per adapter. */
export function compatScenarios(): CaseGroup[] {
  return [
    oktaUsersScenario(),
    oktaGroupsScenario(),
    entraUsersScenario(),
    entraGroupsScenario(),
    entraQuirksScenario(),
    entraRecommendedScenario(),
    oneLoginScenario(),
    jumpCloudScenario(),
    discoveryScenario(),
  ];
}
