import { describe, expect, it } from 'vitest';
import { magentoRoutes } from '../../../src/extract/php/magento-routes.js';
import { parseXml, xmlElements } from '../../../src/extract/php/xml.js';
import { extractPhp, extractText, ofKind, routeLines } from './parse.js';

const M = 'app/code/Acme/Blog';

describe('magento/routes', () => {
  it('reads webapi.xml routes with their ACL resources', () => {
    const facts = extractText(magentoRoutes, `${M}/etc/webapi.xml`, [
      '<?xml version="1.0"?>',
      '<routes>',
      '  <!-- <route url="/V1/commented" method="GET"/> -->',
      '  <route url="/V1/posts/:postId" method="GET">',
      '    <service class="Acme\\Blog\\Api\\PostRepositoryInterface" method="get"/>',
      '    <resources><resource ref="anonymous"/></resources>',
      '  </route>',
      "  <route method='DELETE' url='/V1/posts/:postId'>",
      '    <service class="Acme\\Blog\\Api\\PostRepositoryInterface" method="deleteById"/>',
      '    <resources><resource ref="Acme_Blog::manage"/></resources>',
      '  </route>',
      '</routes>',
    ].join('\n'));
    expect(routeLines(facts)).toEqual(['GET /rest/V1/posts/:postId', 'DELETE /rest/V1/posts/:postId']);
    const routes = ofKind(facts, 'route');
    expect(routes[0]!.location.startLine).toBe(4);
    expect(routes[0]!.handler?.name).toBe('PostRepositoryInterface::get');
    expect(routes[0]!.middleware).toBeUndefined();
    expect(routes[1]!.middleware).toEqual([expect.objectContaining({ name: 'resource: Acme_Blog::manage', role: 'auth' })]);
  });

  it('reads routes.xml frontNames as module routers', () => {
    const facts = extractText(magentoRoutes, `${M}/etc/adminhtml/routes.xml`, [
      '<config><router id="admin">',
      '  <route id="acme_blog" frontName="acme_blog"><module name="Acme_Blog" before="Magento_Backend"/></route>',
      '</router></config>',
    ].join('\n'));
    expect(ofKind(facts, 'router')).toEqual([
      expect.objectContaining({ ref: { file: 'magento:Acme_Blog:adminhtml', path: ['routes'] }, prefix: '/acme_blog' }),
    ]);
  });

  it('reads action controllers: nested paths, verb interfaces, admin area', async () => {
    const nested = await extractPhp(magentoRoutes, `${M}/Controller/Order/Creditmemo/Save.php`, [
      '<?php', 'namespace Acme\\Blog\\Controller\\Order\\Creditmemo;',
      'use Magento\\Framework\\App\\Action\\HttpPostActionInterface;',
      'class Save implements HttpPostActionInterface { public function execute() { return 1; } }',
    ].join('\n'));
    expect(routeLines(nested)).toEqual(['POST /order_creditmemo/save']);
    expect(ofKind(nested, 'route')[0]!.router).toEqual({ file: 'magento:Acme_Blog:frontend', path: ['routes'] });
    const admin = await extractPhp(magentoRoutes, `${M}/Controller/Adminhtml/Post/Edit.php`, [
      '<?php', 'class Edit extends \\Magento\\Backend\\App\\Action { public function execute() { return 1; } }',
    ].join('\n'));
    expect(routeLines(admin)).toEqual(['GET /post/edit']);
    expect(ofKind(admin, 'route')[0]!.router?.file).toBe('magento:Acme_Blog:adminhtml');
    const helper = await extractPhp(magentoRoutes, `${M}/Controller/Support/Helper.php`, [
      '<?php', 'class Helper { public function executeInternal() { return true; } }',
    ].join('\n'));
    expect(helper).toEqual([]);
  });

  it('parses XML elements linearly', () => {
    const roots = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><![CDATA[<b/>]]><b y=\'2\'/><c>text</c></a>');
    expect(xmlElements(roots, 'b').map((e) => e.attrs.get('y'))).toEqual(['2']);
    expect(roots[0]!.attrs.get('x')).toBe('1 & 2');
    expect(roots[0]!.children.map((c) => c.name)).toEqual(['b', 'c']);
  });
});
