// The version shown by the health query and in logs: the workspace's package version, unless
// the deployment names its build (APP_VERSION, e.g. a git commit).
import packageJson from '../../../package.json';

export const PACKAGE_VERSION: string = packageJson.version;
