/**
 * Change data capture: writes made outside the application, read from PostgreSQL's logical replication by Debezium and
 * reported to the triggercache engine as entity changes. Start one with {@link io.triggercache.cdc.TriggerCacheCdc#builder()}.
 */
package io.triggercache.cdc;
