import { describe, expect, it } from 'vitest';
import { conventionActionName, locatorNamespace } from '../../../src/extract/jvm/struts.js';
import { jspRequestPath, webModuleDir } from '../../../src/extract/jvm/servlet.js';
import { staticResourcePaths } from '../../../src/extract/jvm/static-resources.js';
import { childText, descendantsNamed, parseXml } from '../../../src/extract/jvm/xml.js';
import { endpointsOf, extractJvm, ofKind, routeLines, src } from './parse.js';

describe('XML reader', () => {
  it('reads elements, attributes, text and lines; skips comments, DOCTYPE and processing instructions', () => {
    const doc = parseXml(src(
      '<?xml version="1.0"?>',
      '<!DOCTYPE struts PUBLIC "-//x//EN" "http://x/struts.dtd">',
      '<!-- <package name="hidden"/> -->',
      '<struts>',
      '  <package name="a" namespace=\'/a\'><action name="x &amp; y"/></package>',
      '  <j:servlet><j:servlet-name> s1 </j:servlet-name><![CDATA[<raw>]]></j:servlet>',
      '</struts>',
    ));
    const packages = descendantsNamed(doc, 'package');
    expect(packages.map((p) => [p.attrs.get('name'), p.attrs.get('namespace'), p.line])).toEqual([['a', '/a', 5]]);
    expect(descendantsNamed(doc, 'action')[0]!.attrs.get('name')).toBe('x & y');
    const servlet = descendantsNamed(doc, 'servlet')[0]!;
    expect(childText(servlet, 'servlet-name')).toBe('s1');
    expect(servlet.text).toBe('<raw>');
  });

  it('survives malformed input', () => {
    expect(() => parseXml('<a><b attr="unterminated></a')).not.toThrow();
    expect(descendantsNamed(parseXml('<a><b/><c>text'), 'c')[0]!.text).toBe('text');
  });
});

describe('Struts 2', () => {
  it('maps struts.xml packages and actions: namespaces, wildcards, packages that extend a namespaced package', async () => {
    const { lines, facts } = await endpointsOf({
      'src/main/resources/struts.xml': src(
        '<struts>',
        '  <package name="base" namespace="/user" extends="struts-default">',
        '    <action name="list" class="com.a.UserAction" method="list"><result>/list.jsp</result></action>',
        '    <action name="user_*" class="com.a.UserAction" method="{1}"/>',
        '  </package>',
        '  <package name="more" extends="base"><action name="audit"/></package>',
        '  <package name="root" namespace="/" extends="json-default"><action name="home"/></package>',
        '</struts>',
      ),
      'src/main/resources/admin-struts.xml': src(
        '<struts><package name="admin" namespace="/admin" extends="base"><action name="reports/*"/></package></struts>',
      ),
    });
    expect(lines).toEqual(['ANY /admin/reports/*', 'ANY /home', 'ANY /user/audit', 'ANY /user/list', 'ANY /user/user_*']);
    const list = ofKind(facts, 'route').find((r) => r.path === 'list')!;
    expect(list.location.startLine).toBe(3);
    expect(list.handler?.name).toBe('UserAction.list');
  });

  it('reads included files of any name, and only documents whose root is <struts>', async () => {
    const included = await extractJvm('src/main/resources/config/admin.xml', '<struts><package name="a" namespace="/a"><action name="x"/></package></struts>');
    expect(routeLines(included)).toEqual(['ANY x @a']);
    const beans = await extractJvm('src/main/resources/beans.xml', '<beans><struts><package name="a"><action name="x"/></package></struts></beans>');
    expect(routeLines(beans)).toEqual([]);
    const tests = await extractJvm('src/test/resources/struts.xml', '<struts><package name="a"><action name="x"/></package></struts>');
    expect(routeLines(tests)).toEqual([]);
  });

  it('derives Convention plugin names and namespaces', () => {
    expect(conventionActionName('ListPeopleAction')).toBe('list-people');
    expect(conventionActionName('OrdersController')).toBe('orders');
    expect(conventionActionName('HTMLExportAction')).toBe('html-export');
    expect(locatorNamespace('com.example.actions.admin.users')).toBe('/admin/users');
    expect(locatorNamespace('org.apache.struts2.showcase.person')).toBe('/showcase/person');
    expect(locatorNamespace('com.example.web')).toBe('');
  });

  it('maps Convention action classes, @Action / @Actions / @Namespaces and package-info namespaces', async () => {
    const action = (pkg: string, body: string[]) => src(
      `package ${pkg};`, 'import com.opensymphony.xwork2.ActionSupport;', 'import org.apache.struts2.convention.annotation.*;', ...body,
    );
    const { lines } = await endpointsOf({
      'src/main/java/com/x/actions/shop/ListItemsAction.java': action('com.x.actions.shop', [
        'public class ListItemsAction extends ActionSupport { public String execute() { return SUCCESS; } }',
      ]),
      'src/main/java/com/x/actions/shop/BaseAction.java': action('com.x.actions.shop', [
        'public abstract class BaseAction extends ActionSupport { public String execute() { return SUCCESS; } }',
      ]),
      'src/main/java/com/x/actions/admin/UsersAction.java': action('com.x.actions.admin', [
        '@Namespace("/staff")',
        'public class UsersAction extends ActionSupport {',
        '  @Actions({ @Action("users/create"), @Action(value = "/absolute/save", results = @Result(location = "/x.jsp")) })',
        '  public String save() { return SUCCESS; }',
        '}',
      ]),
      'src/main/java/com/x/actions/multi/TwiceAction.java': action('com.x.actions.multi', [
        '@Namespaces({ @Namespace("/one"), @Namespace("/two") })',
        '@Action',
        'public class TwiceAction extends ActionSupport {}',
      ]),
      'src/main/java/com/x/people/package-info.java': src('@Namespace("/people")', 'package com.x.people;', 'import org.apache.struts2.convention.annotation.Namespace;'),
      'src/main/java/com/x/people/FindPersonAction.java': action('com.x.people', [
        'public class FindPersonAction extends ActionSupport { public String execute() { return SUCCESS; } }',
      ]),
      'src/main/java/com/x/actions/Plain.java': src('package com.x.actions;', 'public class Plain { public String execute() { return ""; } }'),
    });
    expect(lines).toEqual([
      'ANY /absolute/save', 'ANY /one/twice', 'ANY /people/find-person', 'ANY /shop/list-items', 'ANY /staff/users/create', 'ANY /two/twice',
    ]);
  });

  it('maps REST plugin controllers to RESTful routes', async () => {
    const { lines } = await endpointsOf({
      'src/main/java/com/x/actions/api/OrdersController.java': src(
        'package com.x.actions.api;',
        'import com.opensymphony.xwork2.ModelDriven;',
        'public class OrdersController implements ModelDriven<Order> {',
        '  public Order getModel() { return null; }',
        '  public String index() { return "index"; }',
        '  public String show() { return "show"; }',
        '  public String update() { return "ok"; }',
        '  public String editNew() { return "new"; }',
        '  public String approve() { return "ok"; }',
        '  private String helper() { return ""; }',
        '}',
      ),
    });
    expect(lines).toEqual([
      'GET /api/orders', 'GET /api/orders/new', 'GET /api/orders/{id}', 'GET /api/orders/{id}/approve', 'PUT /api/orders/{id}',
    ]);
  });
});

describe('Servlets and JSP', () => {
  it('computes JSP request paths below the web root; WEB-INF pages are not reachable', () => {
    expect(jspRequestPath('src/main/webapp/reports/summary.jsp')).toBe('/reports/summary.jsp');
    expect(jspRequestPath('shop/WebContent/index.jsp')).toBe('/index.jsp');
    expect(jspRequestPath('login.jsp')).toBe('/login.jsp');
    expect(jspRequestPath('src/main/webapp/WEB-INF/views/admin.jsp')).toBeUndefined();
    expect(jspRequestPath('src/main/webapp/x.jspf')).toBeUndefined();
    expect(jspRequestPath('src/main/resources/templates/home.jsp')).toBeUndefined();
    expect(webModuleDir('svc/src/main/java/a/B.java')).toBe('svc/');
    expect(webModuleDir('svc/WEB-INF/web.xml')).toBe('svc/');
    expect(webModuleDir('svc/WebContent/WEB-INF/web.xml')).toBe('svc/');
  });

  it('reads JSP pages and the absolute form targets they submit to', async () => {
    const facts = await extractJvm('src/main/webapp/index.jsp', src(
      '<%@ page contentType="text/html" %>',
      '<form action="${pageContext.request.contextPath}/login" method="post"><input name="u"/></form>',
      '<form action="/search"><input name="q"/></form>',
      '<form action="https://elsewhere.example/x" method="post"></form>',
      '<form action="relative" method="post"></form>',
    ));
    expect(routeLines(facts)).toEqual(['GET /index.jsp', 'POST /login', 'GET /search']);
    expect(ofKind(facts, 'route')[1]!.location.startLine).toBe(2);
  });

  it('maps @WebServlet and web.xml servlets to the methods their classes override', async () => {
    const servlet = (name: string, annotation: string, methods: string[]) => src(
      'package com.lib;',
      'import jakarta.servlet.http.HttpServlet;',
      annotation,
      `public class ${name} extends HttpServlet {`,
      ...methods.map((m) => `  protected void ${m}(HttpServletRequest req, HttpServletResponse resp) {}`),
      '}',
    );
    const { lines } = await endpointsOf({
      'src/main/java/com/lib/ReportServlet.java': servlet(
        'ReportServlet', '@WebServlet(name = "r", urlPatterns = {"/reports/*", "/api/reports"}, initParams = @WebInitParam(name = "a", value = "b"))', ['doGet', 'doPost'],
      ),
      'src/main/java/com/lib/LegacyServlet.java': servlet('LegacyServlet', '', ['doPut']),
      'src/main/java/com/lib/AnyServlet.java': servlet('AnyServlet', '@WebServlet("/any")', ['service', 'doGet']),
      'src/main/webapp/WEB-INF/web.xml': src(
        '<web-app>',
        '  <servlet><servlet-name>legacy</servlet-name><servlet-class>com.lib.LegacyServlet</servlet-class></servlet>',
        '  <servlet-mapping><servlet-name>legacy</servlet-name><url-pattern>/legacy</url-pattern></servlet-mapping>',
        '  <servlet><servlet-name>page</servlet-name><jsp-file>/WEB-INF/page.jsp</jsp-file></servlet>',
        '  <servlet-mapping><servlet-name>page</servlet-name><url-pattern>/page</url-pattern></servlet-mapping>',
        '  <servlet><servlet-name>jersey</servlet-name><servlet-class>org.glassfish.jersey.servlet.ServletContainer</servlet-class></servlet>',
        '  <servlet-mapping><servlet-name>jersey</servlet-name><url-pattern>/rest/*</url-pattern></servlet-mapping>',
        '  <servlet><servlet-name>app</servlet-name><servlet-class>com.lib.RestApplication</servlet-class></servlet>',
        '  <servlet-mapping><servlet-name>app</servlet-name><url-pattern>/api2/*</url-pattern></servlet-mapping>',
        '</web-app>',
      ),
    });
    expect(lines).toEqual([
      'ANY /any', 'GET /api/reports', 'GET /page', 'GET /reports/*', 'POST /api/reports', 'POST /reports/*', 'PUT /legacy',
    ]);
  });
});

describe('Servlet security', () => {
  it('reads @ServletSecurity and web.xml security constraints into auth middleware', async () => {
    const { model } = await endpointsOf({
      'src/main/java/com/lib/AdminServlet.java': src(
        'package com.lib;',
        'import jakarta.servlet.annotation.*;',
        '@WebServlet("/admin")',
        '@ServletSecurity(@HttpConstraint(rolesAllowed = {"admin"}))',
        'public class AdminServlet extends HttpServlet { protected void doGet(HttpServletRequest q, HttpServletResponse r) {} }',
      ),
      'src/main/java/com/lib/AccountServlet.java': src(
        'package com.lib;',
        'public class AccountServlet extends HttpServlet { protected void doPost(HttpServletRequest q, HttpServletResponse r) {} }',
      ),
      'src/main/webapp/WEB-INF/web.xml': src(
        '<web-app>',
        '  <servlet><servlet-name>account</servlet-name><servlet-class>com.lib.AccountServlet</servlet-class></servlet>',
        '  <servlet-mapping><servlet-name>account</servlet-name><url-pattern>/account/*</url-pattern></servlet-mapping>',
        '  <servlet-mapping><servlet-name>account</servlet-name><url-pattern>/open</url-pattern></servlet-mapping>',
        '  <security-constraint>',
        '    <web-resource-collection><url-pattern>/account/*</url-pattern></web-resource-collection>',
        '    <auth-constraint><role-name>user</role-name></auth-constraint>',
        '  </security-constraint>',
        '</web-app>',
      ),
    });
    const auth = model.endpoints.map((e) => `${e.method} ${e.path} ${e.auth} ${e.middleware.map((m) => m.name).join(';')}`).sort();
    expect(auth).toEqual([
      'GET /admin required @ServletSecurity(rolesAllowed=admin)',
      'POST /account/* required web.xml auth-constraint(user)',
      'POST /open none ',
    ]);
  });
});

describe('Dropwizard and static resources', () => {
  it('prefixes Jersey resources with applicationContextPath + rootPath and asset bundles with the context path', async () => {
    const { lines } = await endpointsOf({
      'config.yml': src('server:', '  applicationContextPath: /svc', '  rootPath: /api/*', 'logging:', '  level: INFO'),
      'src/main/java/com/a/App.java': src(
        'package com.a;',
        'import io.dropwizard.assets.AssetsBundle;',
        'public class App extends Application<C> {',
        '  public void initialize(Bootstrap<C> b) {',
        '    b.addBundle(new AssetsBundle());',
        '    b.addBundle(new AssetsBundle("/site", "/ui/", "index.html"));',
        '    b.addBundle(new AssetsBundle("/docs"));',
        '  }',
        '}',
      ),
      'src/main/java/com/a/R.java': src('package com.a;', 'import jakarta.ws.rs.*;', '@Path("/hello")', 'public class R { @GET public String get() { return ""; } }'),
    });
    expect(lines).toEqual(['GET /svc/api/hello', 'GET /svc/assets/*', 'GET /svc/docs/*', 'GET /svc/ui/*']);
  });

  it('does not stack the prefixes of configuration files for several environments', async () => {
    const resource = src('package com.a;', 'import jakarta.ws.rs.*;', '@Path("/hello")', 'public class R { @GET public String get() { return ""; } }');
    const same = await endpointsOf({
      'config/dev.yml': src('server:', '  rootPath: /api/*'),
      'config/prod.yml': src('server:', '  rootPath: /api/*'),
      'src/main/java/com/a/R.java': resource,
    });
    expect(same.lines).toEqual(['GET /api/hello']);
    const conflicting = await endpointsOf({
      'config/dev.yml': src('server:', '  rootPath: /dev/*'),
      'config/prod.yml': src('server:', '  rootPath: /api/*'),
      'src/main/java/com/a/R.java': resource,
    });
    expect(conflicting.lines).toEqual(['GET /hello']);
  });

  it('uses the simple server default context path', async () => {
    const { lines } = await endpointsOf({
      'app.yml': src('server:', '  type: simple', '  connector:', '    port: 8080'),
      'src/main/java/com/a/R.java': src('package com.a;', 'import jakarta.ws.rs.*;', '@Path("/hello")', 'public class R { @GET public String get() { return ""; } }'),
    });
    expect(lines).toEqual(['GET /application/hello']);
  });

  it('puts static resources under quarkus.http.root-path', async () => {
    const { lines } = await endpointsOf({
      'src/main/resources/application.properties': 'quarkus.http.root-path=/platform\n',
      'src/main/resources/META-INF/resources/assets/app.js': 'console.log("ui");\n',
    });
    expect(lines).toEqual(['GET /platform/assets/app.js']);
  });

  it('serves META-INF/resources files, index.html also at its directory', () => {
    expect(staticResourcePaths('src/main/resources/META-INF/resources/admin/index.html')).toEqual(['/admin/', '/admin/index.html']);
    expect(staticResourcePaths('svc/src/main/resources/META-INF/resources/app.js')).toEqual(['/app.js']);
    expect(staticResourcePaths('src/main/resources/static/app.js')).toEqual([]);
  });
});
