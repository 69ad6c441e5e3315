package io.triggercache.hibernate.internal;

import java.util.Map;

import io.triggercache.hibernate.TriggerCacheSettings;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.selector.spi.StrategySelector;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Adds this module's two per-statement hooks to every Hibernate service registry being built (found by
 * {@link java.util.ServiceLoader}): the {@link DmlInspector} statement inspector, wrapping the application's
 * inspector if it configured one, and {@link SessionActivity} as the automatic session listener, unless the
 * application already named one (then a warning says what is lost).
 *
 * <p>Public only because {@link java.util.ServiceLoader} instantiates it; not an API.
 */
public final class SettingsContributor implements ServiceContributor {

    /** Called by {@link java.util.ServiceLoader}. */
    public SettingsContributor() {
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        Map<String, Object> settings = builder.getSettings();
        if (!ChangeSource.enabled(settings.get(TriggerCacheSettings.ENABLED))) {
            return;
        }
        if (settings.get(ChangeSource.AUTO_SESSION_LISTENER) == null) {
            builder.applySetting(ChangeSource.AUTO_SESSION_LISTENER, SessionActivity.class.getName());
        }
        Object own = settings.get(ChangeSource.STATEMENT_INSPECTOR);
        if (!(own instanceof DmlInspector)) {
            StatementInspector delegate = own == null || own.toString().isBlank()
                    ? null
                    : builder.getBootstrapServiceRegistry().requireService(StrategySelector.class)
                            .resolveStrategy(StatementInspector.class, own);
            builder.applySetting(ChangeSource.STATEMENT_INSPECTOR, new DmlInspector(delegate));
        }
    }
}
