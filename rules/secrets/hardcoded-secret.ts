import { defineRule } from '../../src/engine/define-rule.js';

/** What a provider-format detector found, for messages. */
const PROVIDER_LABELS: Record<string, string> = {
  'private-key': 'a private key',
  'aws-access-key-id': 'an AWS access key ID',
  'github-token': 'a GitHub token',
  'gitlab-token': 'a GitLab token',
  'slack-token': 'a Slack token',
  'slack-webhook': 'a Slack webhook URL',
  'stripe-key': 'a Stripe key',
  'google-api-key': 'a Google API key',
  'sendgrid-key': 'a SendGrid API key',
  'twilio-key': 'a Twilio API key',
  'twilio-account-sid': 'a Twilio account SID',
  'npm-token': 'an npm token',
  'openai-key': 'an OpenAI API key',
  'anthropic-key': 'an Anthropic API key',
  'pypi-token': 'a PyPI token',
  'square-token': 'a Square token',
  'digitalocean-token': 'a DigitalOcean token',
  'mailchimp-key': 'a Mailchimp API key',
  'mailgun-key': 'a Mailgun API key',
  'newrelic-key': 'a New Relic API key',
  'planetscale-token': 'a PlanetScale credential',
  'shopify-token': 'a Shopify token',
  'telegram-bot-token': 'a Telegram bot token',
  'terraform-token': 'a Terraform Cloud token',
  'twitter-bearer-token': 'a Twitter bearer token',
  'google-oauth-token': 'a Google OAuth access token',
  'kolide-key': 'a Kolide API key',
  'office-webhook': 'a Microsoft Teams / Office 365 webhook URL',
  'facebook-token': 'a Facebook access token',
  'amazon-mws-token': 'an Amazon MWS auth token',
  'aws-appsync-key': 'an AWS AppSync API key',
  'artifactory-token': 'a JFrog Artifactory token',
  'onfido-token': 'an Onfido API token',
  'braintree-token': 'a PayPal Braintree access token',
  'huggingface-token': 'a Hugging Face token',
  'databricks-token': 'a Databricks token',
  'doppler-token': 'a Doppler token',
  'dynatrace-token': 'a Dynatrace token',
  'easypost-key': 'an EasyPost API key',
  'postman-key': 'a Postman API key',
  'pulumi-token': 'a Pulumi token',
  'grafana-token': 'a Grafana token',
  'linear-key': 'a Linear API key',
  'sendinblue-key': 'a Brevo (Sendinblue) API key',
  'shippo-token': 'a Shippo token',
  'age-secret-key': 'an age secret key',
  'atlassian-token': 'an Atlassian API token',
  'clojars-token': 'a Clojars token',
  'duffel-token': 'a Duffel token',
  'flutterwave-key': 'a Flutterwave secret key',
  'frameio-token': 'a Frame.io token',
  'prefect-token': 'a Prefect API key',
  'readme-key': 'a ReadMe API key',
  'rubygems-token': 'a RubyGems API key',
  'scalingo-token': 'a Scalingo token',
  'supabase-token': 'a Supabase token',
  'sentry-token': 'a Sentry auth token',
  'sonarqube-token': 'a SonarQube token',
  'contentful-token': 'a Contentful token',
  'plaid-token': 'a Plaid access token',
  'typeform-token': 'a Typeform token',
  'adobe-key': 'an Adobe client secret',
  'openshift-token': 'an OpenShift token',
  'vault-token': 'a HashiCorp Vault token',
  'replicate-token': 'a Replicate API token',
  'groq-key': 'a Groq API key',
  'perplexity-key': 'a Perplexity API key',
  'notion-token': 'a Notion token',
  'azure-storage-key': 'an Azure storage account key',
  'azure-client-secret': 'an Azure AD client secret',
  'zapier-webhook': 'a Zapier webhook URL',
  'discord-webhook': 'a Discord webhook URL',
  jwt: 'a JSON Web Token',
};

interface SecretLike {
  detector: string;
  redacted: string;
  name?: string;
}

/** One sentence naming the slot and the kind of secret; the value only in redacted form. */
function secretMessage(s: SecretLike): string {
  const name = s.name ? `\`${s.name}\`` : undefined;
  switch (s.detector) {
    case 'secret-assignment':
      return `${name ?? 'A secret-named value'} is set to a hardcoded secret (${s.redacted}).`;
    case 'env-fallback':
      return `${name ?? 'An environment variable'} falls back to a hardcoded secret (${s.redacted}) when the environment variable is unset.`;
    case 'secret-reference':
      return `${name ?? 'A key argument'} receives a hardcoded constant as its secret (${s.redacted}).`;
    case 'hardcoded-key':
      return `A hardcoded string (${s.redacted}) is passed as a signing or encryption key.`;
    case 'ssh-password':
      return `A password (${s.redacted}) is passed to sshpass on the command line.`;
    case 'url-secret-parameter':
      return `A URL carries a hardcoded credential in its query string (${s.redacted}).`;
    case 'bcrypt-hash':
      return `A bcrypt password hash (${s.redacted}) is hardcoded; it can be cracked offline.`;
    case 'uri-credentials':
      return `A connection URI${name ? ` in ${name}` : ''} contains a hardcoded password (${s.redacted}).`;
    default: {
      const label = PROVIDER_LABELS[s.detector] ?? `a secret (${s.detector})`;
      return name ? `${name} holds ${label} (${s.redacted}).` : `${label.charAt(0).toUpperCase()}${label.slice(1)} (${s.redacted}) is hardcoded.`;
    }
  }
}

export default defineRule({
  id: 'hardcoded-secret',
  title: 'Hardcoded secret in source or configuration',
  category: 'secrets',
  cwe: ['CWE-798'],
  severity: 'error',
  securitySeverity: 7.5,
  recommended: true,
  description: 'Finds credentials written into code or committed configuration: provider API keys and tokens, private keys, passwords in connection URIs, literals assigned to secret-named variables, literal fallbacks of secret environment variables, and constants passed as signing or HMAC keys.',
  defaultOptions: {
    /** Also report low-confidence candidates (short or low-entropy values). */
    reportLowConfidence: true,
    /** Report candidates in test, example and fixture files (as notes). */
    reportTestFiles: true,
  },
  *check({ model, options }) {
    for (const secret of model.secrets) {
      if (secret.confidence === 'low' && !options.reportLowConfidence) continue;
      if (secret.isTestOrExample && !options.reportTestFiles) continue;
      const severity = secret.isTestOrExample ? 'note' : secret.confidence === 'low' ? 'warning' : undefined;
      yield {
        key: `${secret.detector}:${secret.name ?? ''}:${secret.redacted}`,
        location: secret.location,
        message: secretMessage(secret),
        ...(severity ? { severity } : {}),
      };
    }
  },
});
