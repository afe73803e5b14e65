package com.rms.platform.health;

import com.rms.platform.batch.BatchJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Probes the platform's dependencies for readiness and the system status: the database, the
 * embedded messaging engine (its queues and their depths) and the batch job repository. Each
 * probe really uses the dependency; none trusts a cached flag.
 */
@ApplicationScoped
public class Dependencies {

    /** The queues of the architecture; each has an exception destination of the same name + ".Exception". */
    public static final String[] QUEUES = {"RMS.Inventory", "RMS.Analytics", "RMS.Loyalty", "RMS.Notifications"};
    /** Depth counting stops here: past it the number is reported as "at least". */
    private static final int MAX_COUNT = 10_000;

    @Inject
    BatchJobs batch;

    /** The state of one dependency. */
    public record Probe(boolean up, String detail) {
        static Probe up(String detail) {
            return new Probe(true, detail);
        }

        static Probe down(Exception e) {
            return new Probe(false, e.getClass().getSimpleName());
        }
    }

    @Resource(lookup = "jdbc/rms")
    DataSource dataSource;

    @Resource(lookup = "jms/rmsConnectionFactory")
    ConnectionFactory connections;

    public Probe database() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from rms_control.tenant")) {
            rs.next();
            return Probe.up(rs.getLong(1) + " tenants");
        } catch (Exception e) {
            return Probe.down(e);
        }
    }

    public Probe messaging() {
        try (JMSContext context = connections.createContext()) {
            Queue queue = context.createQueue(QUEUES[0]);
            try (QueueBrowser browser = context.createBrowser(queue)) {
                browser.getEnumeration();
            }
            return Probe.up("messaging engine reachable");
        } catch (Exception e) {
            return Probe.down(e);
        }
    }

    public Probe batch() {
        try {
            int jobs = batch.jobNames().size();
            return Probe.up(jobs + " job names in the repository");
        } catch (Exception e) {
            return Probe.down(e);
        }
    }

    /** Messages waiting on each queue and its exception destination; -1 where the queue cannot be read. */
    public Map<String, Integer> queueDepths() {
        Map<String, Integer> depths = new LinkedHashMap<>();
        try (JMSContext context = connections.createContext()) {
            for (String name : QUEUES) {
                depths.put(name, depth(context, name));
                depths.put(name + ".Exception", depth(context, name + ".Exception"));
            }
        } catch (Exception e) {
            for (String name : QUEUES) {
                depths.putIfAbsent(name, -1);
            }
        }
        return depths;
    }

    private static int depth(JMSContext context, String name) {
        try (QueueBrowser browser = context.createBrowser(context.createQueue(name))) {
            Enumeration<?> messages = browser.getEnumeration();
            int count = 0;
            while (messages.hasMoreElements() && count < MAX_COUNT) {
                messages.nextElement();
                count++;
            }
            return count;
        } catch (Exception e) {
            return -1;
        }
    }
}
