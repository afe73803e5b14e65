package arq.support;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every in-container test: the EAR the build packaged (target/rms.ear, as production
 * runs it) plus a small web module holding the tests and this package, declared in the EAR's
 * application.xml beside the four modules, so the tests see the EJB module's beans and classes as the
 * web modules do. Arquillian adds its servlet runner to that module.
 */
public final class RmsDeployment {

    public static final String TEST_MODULE = "rms-arq-tests.war";

    private RmsDeployment() {
    }

    public static EnterpriseArchive ear() {
        String path = System.getProperty("rms.arq.ear");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("no packaged EAR at " + path + " (rms.arq.ear): package rms-ear first");
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path));
        WebArchive tests = ShrinkWrap.create(WebArchive.class, TEST_MODULE)
                .addPackages(true, "arq")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        Testable.archiveToTest(tests);
        ear.addAsModule(tests);
        ear.setApplicationXML(new StringAsset(withTestModule(read(ear, "META-INF/application.xml"))));
        return ear;
    }

    /** application.xml with the test module after the last module (modules come before library-directory). */
    static String withTestModule(String xml) {
        int last = xml.lastIndexOf("</module>");
        if (last < 0) {
            throw new IllegalStateException("the EAR's application.xml lists no module");
        }
        int at = last + "</module>".length();
        return xml.substring(0, at) + "\n  <module><web><web-uri>" + TEST_MODULE
                + "</web-uri><context-root>/rms-arq-tests</context-root></web></module>" + xml.substring(at);
    }

    private static String read(EnterpriseArchive ear, String path) {
        if (ear.get(path) == null) {
            throw new IllegalStateException("the EAR has no " + path);
        }
        try (InputStream in = ear.get(path).getAsset().openStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
