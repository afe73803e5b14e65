package com.rms.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The container's transactions in process, for hand-wired beans: {@link #required} and
 * {@link #requiresNew} play {@code @Transactional}'s interceptor (one EntityManager and one resource-local
 * transaction per JTA transaction, rollback on any exception, after-commit work run only after a
 * commit), {@link #entityManager} the container's transaction-scoped EntityManager. The data source it
 * wraps counts what reaches the database: commits, rollbacks, round trips and statements, and their SQL.
 */
public final class InProcessTransactions {

    private EntityManagerFactory emf;
    private final ThreadLocal<Deque<Frame>> frames = ThreadLocal.withInitial(ArrayDeque::new);
    /** Runs just before the next commit on this thread, once, if set (a test's pause or crash). */
    public final ThreadLocal<Runnable> beforeCommit = new ThreadLocal<>();

    public final AtomicInteger commits = new AtomicInteger();
    public final AtomicInteger rollbacks = new AtomicInteger();
    /** Round trips: each execute, and each executeBatch (however many rows it carries). */
    public final AtomicInteger roundTrips = new AtomicInteger();
    /** Statements: each execute, and each row added to a batch. */
    public final AtomicInteger statements = new AtomicInteger();
    public final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    private record Frame(EntityManager em, List<Runnable> afterCommit) {
    }

    /** The factory of the transactions' EntityManagers (made over {@link #counting} data source). */
    public void use(EntityManagerFactory factory) {
        this.emf = factory;
    }

    /** Zeroes the counters. */
    public void reset() {
        commits.set(0);
        rollbacks.set(0);
        roundTrips.set(0);
        statements.set(0);
        sql.clear();
    }

    /** Joins the transaction on this thread, or runs in a new one. */
    public <T> T required(Supplier<T> work) {
        return current() != null ? work.get() : fresh(work);
    }

    /** Runs in a transaction of its own, whatever this thread has open. */
    public <T> T requiresNew(Supplier<T> work) {
        return fresh(work);
    }

    public void required(Runnable work) {
        required(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} once the current transaction commits (at once when none is open). */
    public void afterCommit(Runnable work) {
        Frame frame = frames.get().peek();
        if (frame == null) {
            work.run();
        } else {
            frame.afterCommit().add(work);
        }
    }

    private <T> T fresh(Supplier<T> work) {
        EntityManager em = emf.createEntityManager();
        Frame frame = new Frame(em, new ArrayList<>());
        frames.get().push(frame);
        try {
            em.getTransaction().begin();
            T result = work.get();
            Runnable hook = beforeCommit.get();
            if (hook != null) {
                beforeCommit.remove();
                hook.run();
            }
            em.getTransaction().commit();
            frames.get().pop();
            frame.afterCommit().forEach(Runnable::run);
            return result;
        } finally {
            if (frames.get().peek() == frame) {
                frames.get().pop();
            }
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Whether a transaction is open on this thread. */
    public boolean inTransaction() {
        return current() != null;
    }

    private EntityManager current() {
        Frame frame = frames.get().peek();
        return frame == null ? null : frame.em();
    }

    /** The transaction-scoped EntityManager: the current transaction's (an error outside one). */
    public EntityManager entityManager() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "tx-scoped EntityManager" : method.invoke(this, args);
            }
            EntityManager em = current();
            if (em == null) {
                throw new IllegalStateException("no transaction is open for " + method.getName());
            }
            try {
                return method.invoke(em, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, handler);
    }

    /** {@code source} with every connection counted. */
    public DataSource counting(DataSource source) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(source, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> commits.incrementAndGet();
                        case "rollback" -> rollbacks.incrementAndGet();
                        default -> {
                        }
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement s) {
                        String text = args != null && args.length > 0 && args[0] instanceof String q ? q : null;
                        return statement(s, text);
                    }
                    return result;
                });
    }

    private Object statement(Statement target, String prepared) {
        Class<?>[] types = target.getClass().getInterfaces().length == 0 ? new Class<?>[] {Statement.class}
                : allInterfaces(target);
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), types, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                statements.incrementAndGet();
            } else if (name.equals("executeBatch")) {
                roundTrips.incrementAndGet();
                sql.add("batch: " + prepared);
            } else if (name.startsWith("execute")) {
                roundTrips.incrementAndGet();
                statements.incrementAndGet();
                sql.add(args != null && args.length > 0 && args[0] instanceof String q ? q : prepared);
            }
            return invoke(target, method, args);
        });
    }

    private static Class<?>[] allInterfaces(Object target) {
        List<Class<?>> all = new ArrayList<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Statement.class.isAssignableFrom(i) && !all.contains(i)) {
                    all.add(i);
                }
            }
        }
        return all.toArray(Class<?>[]::new);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
