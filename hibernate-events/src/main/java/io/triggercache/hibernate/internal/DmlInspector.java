package io.triggercache.hibernate.internal;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The statement inspector this module installs: passes every SQL statement to the application's own inspector
 * (if it had one) and then to the {@link ChangeSource} of its session factory, which reports the entity classes
 * whose tables a bulk {@code UPDATE}, {@code DELETE}, {@code INSERT ... SELECT}, {@code MERGE} or
 * {@code TRUNCATE} writes. Never changes the SQL itself.
 *
 * <p>Thread-safe.
 */
final class DmlInspector implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private final StatementInspector delegate;
    private transient volatile ChangeSource source;

    DmlInspector(StatementInspector delegate) {
        this.delegate = delegate;
    }

    void bind(ChangeSource source) {
        this.source = source;
    }

    void unbind(ChangeSource source) {
        if (this.source == source) {
            this.source = null;
        }
    }

    @Override
    public String inspect(String sql) {
        String inspected = delegate == null ? sql : delegate.inspect(sql);
        ChangeSource s = source;
        if (s != null) {
            s.statement(inspected == null ? sql : inspected);
        }
        return inspected;
    }
}
