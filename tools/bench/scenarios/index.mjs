// @ts-check
// Every scenario, in the order they run. Adding an operation: a scenario (scenario.mjs) in the
// file of its capability, listed here.
import { accountScenarios } from './accounts.mjs';
import { directoryScenario } from './directory.mjs';
import { homeScenario } from './home.mjs';
import { peopleScenarios } from './people.mjs';
import { inboxScenario } from './referrals.mjs';
import { reportsScenario } from './reports.mjs';

/** @type {import('./scenario.mjs').Scenario[]} */
export const SCENARIOS = [...accountScenarios, directoryScenario, ...peopleScenarios, inboxScenario, homeScenario, reportsScenario];
