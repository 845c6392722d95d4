// Test, example and fixture files: the shared rule (isTestOrExample) plus the test-file naming
// conventions of Go, the JVM languages, C#, PHP, Rust and Scala.
import { isTestOrExample } from '../../secrets/test-path.js';

const TEST_FILE = /(_test\.go|Tests?\.(java|kt|cs|php|scala)|Spec\.(scala|kt|groovy)|IT\.(java|kt)|_tests?\.rs)$/;
const TEST_DIR_PATH = /(^|\/)(src\/(test|it)|database\/(factories|seeders|seeds))\//;
/** .NET test projects: a directory named `App.Tests`, `App.UnitTests`, ... (checked per segment: linear). */
const DOTNET_TEST_DIR = /^[A-Za-z.]*\.(Unit|Integration|Functional)?Tests?$/;
const TEST_DIR = { test: (path: string) => TEST_DIR_PATH.test(path) || path.split('/').slice(0, -1).some((segment) => DOTNET_TEST_DIR.test(segment)) };
/** JVM source roots: the directories below them are package names (`com/example/app`), not example folders. */
const JVM_SOURCE_ROOT = /(^|\/)src\/main\/(java|kotlin|scala|groovy|resources)\//;

export function isTestFile(path: string): boolean {
  if (TEST_FILE.test(path) || TEST_DIR.test(path)) return true;
  const root = JVM_SOURCE_ROOT.exec(path);
  if (root) return isTestOrExample(`${path.slice(0, root.index + root[0].length)}${path.slice(path.lastIndexOf('/') + 1)}`);
  return isTestOrExample(path);
}
