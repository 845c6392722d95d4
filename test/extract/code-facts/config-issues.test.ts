import { describe, expect, it } from 'vitest';
import { codeFactExtractors } from '../../../src/extract/code-facts.js';
import { javascriptConfigIssues } from '../../../src/extract/javascript/config-issues.js';
import { pythonConfigIssues } from '../../../src/extract/python/config-issues.js';
import { configLines, run } from './parse.js';

describe('javascript/config-issues', () => {
  it('finds disabled TLS verification', async () => {
    expect(configLines(await run(javascriptConfigIssues, 'src/client.js', [
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      'new https.Agent({ rejectUnauthorized: false });',
      'new https.Agent({ rejectUnauthorized: true });',
      "request.defaults({ strictSSL: false });",
      'tls.connect({ checkServerIdentity: () => undefined });',
    ]))).toEqual([
      "1 tls-verification-disabled NODE_TLS_REJECT_UNAUTHORIZED = 0",
      '2 tls-verification-disabled rejectUnauthorized: false',
      '4 tls-verification-disabled strictSSL: false',
      '5 tls-verification-disabled checkServerIdentity does nothing',
    ]);
  });
});

describe('python/config-issues', () => {
  it('finds Flask / FastAPI debug mode and disabled TLS verification', async () => {
    expect(configLines(await run(pythonConfigIssues, 'app/main.py', [
      'import ssl, requests',
      'app.config["DEBUG"] = True',
      'app.debug = True',
      'api = FastAPI(debug=True)',
      'requests.get(url, verify=False)',
      'jwt.decode(token, verify=False)',
      'ctx = ssl._create_unverified_context()',
      'ctx.check_hostname = False',
      'ctx.verify_mode = ssl.CERT_NONE',
      'if __name__ == "__main__":',
      '    app.run(debug=True)',
    ]))).toEqual([
      '4 debug-enabled FastAPI(debug=True)',
      '5 tls-verification-disabled requests.get(verify=False)',
      '11 debug-enabled app.run(debug=True)',
      "2 debug-enabled app.config['DEBUG'] = True",
      '3 debug-enabled app.debug = True',
      '8 tls-verification-disabled ctx.check_hostname = False',
      '7 tls-verification-disabled ssl._create_unverified_context',
      '9 tls-verification-disabled ssl.CERT_NONE',
    ]);
  });

  it('reports Django DEBUG = True only in production-like settings modules', async () => {
    const settings = ['SECRET_KEY = os.environ["KEY"]', 'DEBUG = True', 'INSTALLED_APPS = []'];
    expect(configLines(await run(pythonConfigIssues, 'shop/settings.py', settings))).toEqual(['2 debug-enabled DEBUG = True in Django settings']);
    expect(configLines(await run(pythonConfigIssues, 'shop/settings/production.py', ['DEBUG = True']))).toEqual(['1 debug-enabled DEBUG = True in Django settings']);
    expect(configLines(await run(pythonConfigIssues, 'shop/settings/local.py', settings))).toEqual([]);
    expect(configLines(await run(pythonConfigIssues, 'shop/settings_dev.py', settings))).toEqual([]);
    expect(configLines(await run(pythonConfigIssues, 'scripts/tool.py', ['DEBUG = True']))).toEqual([]);
  });
});

describe('codeFactExtractors', () => {
  it('lists the eight code-fact extractors with unique ids', () => {
    expect(codeFactExtractors.map((e) => e.id).sort()).toEqual([
      'javascript/config-issues', 'javascript/hash-calls', 'javascript/jwt-calls', 'javascript/sql-calls',
      'python/config-issues', 'python/hash-calls', 'python/jwt-calls', 'python/sql-calls',
    ]);
  });
});
