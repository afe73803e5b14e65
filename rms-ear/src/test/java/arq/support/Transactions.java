package arq.support;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The server's own JTA and managed threads, as the tests drive them. */
public final class Transactions {

    private Transactions() {
    }

    public static UserTransaction userTransaction() {
        return lookup("java:comp/UserTransaction");
    }

    /**
     * Fails the current transaction at its very end: after everything was written and flushed, in the
     * last step before the commit, as a lost connection or a failing commit would.
     */
    public static void failAtCommit() {
        TransactionSynchronizationRegistry registry = lookup("java:comp/TransactionSynchronizationRegistry");
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                throw new IllegalStateException("the test fails this transaction at its commit");
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /**
     * Runs the tasks at once on the server's managed threads (each released at the same moment) and
     * returns what each returned or threw, in order.
     */
    public static List<Object> concurrently(List<Callable<Object>> tasks) {
        ManagedExecutorService executor = lookup("java:comp/DefaultManagedExecutorService");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            futures.add(executor.submit(() -> {
                start.await();
                try {
                    return task.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : futures) {
            try {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("a concurrent task did not finish", e);
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    static <T> T lookup(String name) {
        try {
            return (T) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("no " + name, e);
        }
    }
}
