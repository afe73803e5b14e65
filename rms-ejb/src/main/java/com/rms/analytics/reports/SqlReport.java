package com.rms.analytics.reports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * A report computed by native SQL in the tenant's schema (the framework has set the tenant on the
 * partition's thread, and the JTA entity manager follows it): its columns and sections are fixed when
 * it is made, and {@link #query} runs a statement with positional parameters {@code ?1, ?2, …}.
 */
abstract class SqlReport implements ReportComputation {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    private final List<String> columns;
    private final List<String> sections;

    SqlReport(List<String> columns, List<String> sections) {
        this.columns = List.copyOf(columns);
        this.sections = List.copyOf(sections);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> sections() {
        return sections;
    }

    /** The rows of a native query, its parameters bound as {@code ?1, ?2, …} in order. */
    @SuppressWarnings("unchecked")
    List<Object[]> query(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
