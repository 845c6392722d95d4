// Loaded with `node --import` by the benchmark: records the process's peak RSS (KB) when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BACKEND_REVIEW_RSS_FILE;
  if (!file) return;
  try {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  } catch {
    // no figure rather than a failed scan
  }
});
