// Test, example and fixture files: the shared rule (isTestOrExample) plus the test-file naming
// conventions of Go, the JVM languages, C#, PHP, Rust and Scala.
import { isTestOrExample } from '../../secrets/test-path.js';

const TEST_FILE = /(_test\.go|Tests?\.(java|kt|cs|php|scala)|Spec\.(scala|kt|groovy)|IT\.(java|kt)|_tests?\.rs)$/;
const TEST_DIR = /(^|\/)(src\/test|src\/it|database\/(factories|seeders|seeds)|[A-Za-z.]*\.Tests?|[A-Za-z.]*\.(Unit|Integration|Functional)Tests?)\//;

export function isTestFile(path: string): boolean {
  return isTestOrExample(path) || TEST_FILE.test(path) || TEST_DIR.test(path);
}
