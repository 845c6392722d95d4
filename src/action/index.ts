// The GitHub Action's script (action.yml runs dist/src/action/run-action.js).
export { runAction, setOutputs, type ActionDeps } from './run-action.js';
export { cliArguments, getInput, readInputs, splitArgs, type ActionInputs } from './inputs.js';
export { buildErrorSummary, buildJobSummary, countResults } from './job-summary.js';
