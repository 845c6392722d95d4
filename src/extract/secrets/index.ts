export { classifySecret, type SecretClass, type SecretContext } from './classify.js';
export { redactSecret } from './redact.js';
export { isTestOrExample } from './test-path.js';
export { isSecretName, secretNameStrength } from './names.js';
export { isPlaceholder, shannonEntropy } from './placeholder.js';
export { matchProvider } from './providers.js';
export { javascriptSecrets } from './javascript.js';
export { pythonSecrets } from './python.js';
export { textSecrets } from './text.js';
